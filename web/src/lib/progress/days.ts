/** "12 dage tilbage", "Fristen er i dag", "Fristen er overskredet med 2 dage": the days left as people say it. */
import { i18n, translator } from '../i18n.svelte.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return t('days.today');
  if (daysLeft === 1) return t('days.one');
  if (daysLeft === -1) return t('days.over.one');
  return daysLeft > 0 ? t('days.many', { n: i18n.number(daysLeft) }) : t('days.over', { n: i18n.number(-daysLeft) });
}

/** How urgent the deadline looks: past, within the reminder window, or further off. */
export function urgency(daysLeft: number, reminderDays: number): 'over' | 'soon' | 'later' {
  return daysLeft < 0 ? 'over' : daysLeft <= reminderDays ? 'soon' : 'later';
}
