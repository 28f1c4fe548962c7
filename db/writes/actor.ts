/** Who makes a write: the account (null for scripts and the demo loader) and how to show them. */
export interface Actor {
  id: number | null;
  name: string;
  email: string | null;
}

export function actorLabel(actor: Actor): string {
  return actor.email ? `${actor.name} <${actor.email}>` : actor.name;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'System', email: null };
