/** Why a municipality's category changed. "other" carries a free text. */
export const REASONS = [
  'too_few_volunteers',
  'municipal_staff_change',
  'activity_leader_change',
  'few_refugees',
  'agreement_signed',
  'agreement_ended',
  'new_cooperation',
  'other',
] as const;

export type Reason = (typeof REASONS)[number];

export const REASON_LABELS: Record<Reason, { da: string; en: string }> = {
  too_few_volunteers: { da: 'For få frivillige', en: 'Too few volunteers' },
  municipal_staff_change: { da: 'Skift af kommunal kontaktperson/medarbejdere', en: 'Change of municipal contact/staff' },
  activity_leader_change: { da: 'Skift af aktivitetsleder', en: 'Change of activity leader' },
  few_refugees: { da: 'Få eller ingen nyankomne flygtninge', en: 'Few or no refugees arriving' },
  agreement_signed: { da: 'Samarbejdsaftale indgået', en: 'Agreement signed' },
  agreement_ended: { da: 'Samarbejdsaftale ophørt', en: 'Agreement ended' },
  new_cooperation: { da: 'Nyt samarbejde etableret', en: 'New cooperation established' },
  other: { da: 'Andet', en: 'Other' },
};

export function isReason(value: unknown): value is Reason {
  return typeof value === 'string' && (REASONS as readonly string[]).includes(value);
}
