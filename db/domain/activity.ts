/** What a consultant can log in the support log. */
export const ACTIVITY_KINDS = [
  'dialogue_meeting',
  'ryk_ud_course',
  'recruitment_campaign',
  'agreement_work',
  'follow_up_call',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_LABELS: Record<ActivityKind, { da: string; en: string }> = {
  dialogue_meeting: { da: 'Dialogmøde', en: 'Dialogue meeting' },
  ryk_ud_course: { da: 'Ryk-ud-kursus', en: 'Ryk-ud course' },
  recruitment_campaign: { da: 'Rekrutteringskampagne', en: 'Recruitment campaign' },
  agreement_work: { da: 'Arbejde med samarbejdsaftale', en: 'Work on a cooperation agreement' },
  follow_up_call: { da: 'Opfølgende opkald', en: 'Follow-up call' },
  other: { da: 'Andet', en: 'Other' },
};
