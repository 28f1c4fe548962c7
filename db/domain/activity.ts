import { ACTIVITY_KINDS, type ActivityKind } from '../schema.ts';

export { ACTIVITY_KINDS, type ActivityKind };

export const ACTIVITY_LABELS: Record<ActivityKind, { da: string; en: string }> = {
  dialogue_meeting: { da: 'Dialogmøde', en: 'Dialogue meeting' },
  ryk_ud_course: { da: 'Ryk-ud-kursus', en: 'Ryk-ud course' },
  recruitment_campaign: { da: 'Rekrutteringskampagne', en: 'Recruitment campaign' },
  agreement_work: { da: 'Arbejde med samarbejdsaftale', en: 'Work on a cooperation agreement' },
  follow_up_call: { da: 'Opfølgende opkald', en: 'Follow-up call' },
  other: { da: 'Andet', en: 'Other' },
};
