/** The dashboard's sentences for a meeting room and for paper: what the picture shows, in words. */
import { translator } from '../../lib/i18n.svelte.ts';

export const MESSAGES = {
  da: {
    greenIn: '{n} af {total} kommuner er grønne i {quarter}',
    greenIn1: '1 af {total} kommuner er grøn i {quarter}',
    more: '{n} flere end kvartalet før',
    'more.one': '1 mere end kvartalet før',
    fewer: '{n} færre end kvartalet før',
    'fewer.one': '1 færre end kvartalet før',
    same: 'lige så mange som kvartalet før',
    changed: 'Fra {from} til {to} fik {improved} kommuner en bedre kategori og {worsened} en dårligere',
    trend: 'Grønne kommuner: {first} i {firstQuarter}, {last} i {lastQuarter}',
    keys: '← → skifter kvartal · Esc afslutter',
    keysEsc: 'Esc afslutter',
    keysCharts: '← → skifter diagram · Esc afslutter',
    report: 'Kvartalsrapport',
    // The toolbar's button; the dialog's own texts load with it (share/messages.ts).
    share: 'Indlejr',
    'share.title': 'Offentliggør kvartaler, og hent koden, der viser visningen på en anden hjemmeside',
  },
  en: {
    greenIn: '{n} of {total} municipalities are green in {quarter}',
    greenIn1: '1 of {total} municipalities is green in {quarter}',
    more: '{n} more than the quarter before',
    'more.one': '1 more than the quarter before',
    fewer: '{n} fewer than the quarter before',
    'fewer.one': '1 fewer than the quarter before',
    same: 'as many as the quarter before',
    changed: 'From {from} to {to}, {improved} municipalities moved to a better category and {worsened} to a worse one',
    trend: 'Green municipalities: {first} in {firstQuarter}, {last} in {lastQuarter}',
    keys: '← → change quarter · Esc ends',
    keysEsc: 'Esc ends',
    keysCharts: '← → change chart · Esc ends',
    report: 'Quarterly report',
    share: 'Embed',
    'share.title': 'Publish quarters, and get the code that shows this view on another website',
  },
} as const;

export const t = translator(MESSAGES);
