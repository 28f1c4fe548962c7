/**
 * Danish for the API's refusals. Messages are written once, in English, where they arise (db/,
 * server/); a client that asks for Danish (`Accept-Language: da`, as the dashboard does when its
 * language is Danish) gets them translated here, so a volunteer coordinator reads "vælg en årsag",
 * not "choose a reason". Most messages are "field: explanation": the field and the explanation are
 * translated apart. An explanation without a pattern stays English rather than being guessed.
 *
 * The work is linear in the message and bounded: a message is cut to MAX_MESSAGE_CHARS before it
 * is translated, and the value quoted after "; got " is split off once, never searched again.
 */
import { cut, MAX_MESSAGE_CHARS } from './limits.ts';

const FIELDS: Record<string, string> = {
  quarter: 'kvartal',
  code: 'kommunekode',
  municipality: 'kommune',
  municipalityCode: 'kommunekode',
  municipalityCodes: 'kommuner',
  category: 'kategori',
  categoryText: 'kategori_tekst',
  reason: 'årsag',
  reasonText: 'årsagstekst',
  note: 'note',
  version: 'version',
  from: 'fra',
  to: 'til',
  email: 'e-mail',
  password: 'adgangskode',
  currentPassword: 'nuværende adgangskode',
  newPassword: 'ny adgangskode',
  name: 'navn',
  role: 'rolle',
  disabled: 'spærret',
  organisation: 'organisation',
  signedOn: 'indgået',
  endedOn: 'ophørt',
  quota: 'kvote',
  zeroQuota: '0-kvote',
  year: 'år',
  kind: 'aktivitet',
  happenedOn: 'dato',
  participants: 'deltagere',
  consultantIds: 'konsulenter',
  file: 'fil',
  fingerprint: 'fingeraftryk',
  rows: 'rækker',
  area: 'område',
  user: 'bruger',
  refugeesWaiting: 'ventende flygtninge',
  volunteersMissing: 'manglende frivillige',
  activeMatches: 'aktive match',
  newMatches: 'nye match',
  columns: 'kolonner',
  body: 'indhold',
  deadline: 'frist',
  token: 'link',
  reminders: 'påmindelser',
};

const ROLES: Record<string, string> = { admin: 'administrator', consultant: 'regional konsulent', viewer: 'læser' };
const role = (name: string) => ROLES[name] ?? name;
const roles = (list: string) => list.split(/ or |, /).map(role).join(' eller ');
const SAVE_AS = 'i Excel: Filer → Gem som → »CSV UTF-8 (kommasepareret) (*.csv)«, og upload den fil';

type Rule = [RegExp, string | ((...groups: string[]) => string)];

/** Explanations, whole or as the part after "field: ". Order matters only where patterns overlap. */
const RULES: Rule[] = [
  // Validation of requests (Ajv) and of codes
  [/^is required$/, 'skal udfyldes'],
  [/^is not a known field$/, 'er ikke et kendt felt'],
  [/^is not a known field; send file, quarter and fingerprint$/, 'er ikke et kendt felt; send fil, kvartal og fingeraftryk'],
  [/^must be a quarter code such as 2016K2(?: \(2016Q2 is also accepted\))?$/, 'skal være en kvartalskode som 2016K2'],
  [/^must be a municipality code such as 0101(?: \(101 is also accepted\))?$/, 'skal være en kommunekode som 0101'],
  [/^must be a date written YYYY-MM-DD$/, 'skal være en dato skrevet ÅÅÅÅ-MM-DD'],
  [/^nests deeper than (\d+) levels$/, 'må højst være $1 niveauer dybt'],
  [/^is not valid JSON$/, 'er ikke gyldig JSON'],
  [/^must not contain control characters or line breaks$/, 'må ikke indeholde kontroltegn eller linjeskift'],
  [/^must not contain control characters$/, 'må ikke indeholde kontroltegn'],
  [/^must be (?:equal to one of the allowed values|RK or DFH)$/, (...g) => (g[0].includes('RK') ? 'skal være RK eller DFH' : 'har en ugyldig værdi')],
  [/^must match (?:a schema in anyOf|exactly one schema in oneOf)$/, 'har en ugyldig værdi'],
  [/^is not one of the allowed values$/, 'har en ugyldig værdi'],
  [/^must be equal to constant$/, 'har en ugyldig værdi'],
  [/^must be 1 green, 2 yellow, 3 red; null when not assessed$/, 'skal være 1 (grøn), 2 (gul), 3 (rød) eller tom (ikke vurderet)'],
  [/^must be integer$/, 'skal være et helt tal'],
  [/^must be number$/, 'skal være et tal'],
  [/^must be string$/, 'skal være tekst'],
  [/^must be boolean$/, 'skal være ja eller nej'],
  [/^must be null$/, 'skal være tom'],
  [/^must be object$/, 'skal være et objekt'],
  [/^must be array$/, 'skal være en liste'],
  [/^must be >= (\d+)$/, 'skal være mindst $1'],
  [/^must be <= (\d+)$/, 'må højst være $1'],
  [/^must NOT have more than (\d+) characters$/, 'må højst være $1 tegn'],
  [/^must NOT have fewer than (\d+) characters$/, 'skal være mindst $1 tegn'],
  [/^must NOT have fewer than 1 properties$/, 'skal indeholde mindst én ændring'],
  [/^must NOT have more than (\d+) items$/, 'må højst have $1 rækker'],
  [/^must NOT have fewer than (\d+) items$/, 'skal have mindst $1 række'],
  [/^must be at most (\d+) characters$/, 'må højst være $1 tegn'],
  [/^must be at least (\d+) characters$/, 'skal være mindst $1 tegn'],
  [/^must be 1 to (\d+) characters$/, 'skal være 1 til $1 tegn'],
  [/^must be one of (.+)$/, 'skal være en af $1'],
  [/^must be from (\d+) to (\d+)$/, 'skal være fra $1 til $2'],
  [/^must be a whole number from 0 to (\d+), or empty$/, 'skal være et helt tal fra 0 til $1 eller tom'],
  [/^must be a whole number, 0 for a new row$/, 'skal være et helt tal, 0 for en ny række'],
  [/^must be 1, 2, 3 or null \(not assessed\)$/, 'skal være 1, 2, 3 eller tom (ikke vurderet)'],
  [/^"?(.*?)"? is not a known reason$/, '"$1" er ikke en kendt årsag'],
  [/^(\S+) is not in the database$/, '$1 findes ikke i databasen'],
  [/^(\S+) is not one of the 98 municipalities$/, '$1 er ikke en af de 98 kommuner'],
  [/^(.+) is not one of the 98 municipality codes$/, '$1 er ikke en af de 98 kommunekoder'],
  [/^(\S+) appears more than once$/, '$1 står der mere end én gang'],
  [/^the database holds no quarters yet$/, 'databasen har endnu ingen kvartaler'],
  [/^(\S+) comes after to \((\S+)\)$/, '$1 ligger efter til ($2)'],
  [/^(\S+) is after to: (\S+)$/, '$1 ligger efter til: $2'],
  [/^(\S+) does not exist$/, '$1 findes ikke'],
  [/^(agreement|area|user) (\d+) does not exist$/, (_, what, id) => `${{ agreement: 'aftale', area: 'område', user: 'bruger' }[what]} ${id} findes ikke`],

  // Statuses and quarters
  [/^the category changed from (\d) to (\d): choose a reason$/, 'kategorien er ændret fra $1 til $2: vælg en årsag'],
  [/^the category changed from (\d) in (\S+) to (\d): give a reason \(column "(.+)"\)$/, 'kategorien er ændret fra $1 i $2 til $3: angiv en årsag (kolonnen "$4")'],
  [/^say why the municipality is not assessed this quarter(?: \(column "(.+)"\))?$/, (_, column) => `skriv, hvorfor kommunen ikke er vurderet i kvartalet${column ? ` (kolonnen "${column}")` : ''}`],
  [/^describe the reason when it is "other"(?: \(column "(.+)"\))?$/, (_, column) => `beskriv årsagen, når den er "andet"${column ? ` (kolonnen "${column}")` : ''}`],
  [/^say why the quarter is reopened$/, 'skriv, hvorfor kvartalet genåbnes'],
  [/^(?:one row has|(\d+) rows have) errors; nothing was saved$/, (_, n) => `${n ? `${n} rækker har` : 'én række har'} fejl; intet er gemt`],
  [/^(\S+) was changed by someone else since you opened them; nothing was saved$/, '$1 er ændret af en anden, siden du åbnede den; intet er gemt'],
  [/^(\d+) municipalities were changed by someone else since you opened them; nothing was saved$/, '$1 kommuner er ændret af en anden, siden du åbnede dem; intet er gemt'],
  [/^quarter (\S+) is final; an administrator must reopen it before anything can change$/, 'kvartal $1 er afsluttet; en administrator skal genåbne det, før noget kan ændres'],
  [/^quarter (\S+) is still open; finalise it before opening the next one$/, 'kvartal $1 er stadig åbent; afslut det, før det næste åbnes'],
  [/^quarter (\S+) has not begun yet \(it starts on (\S+)\)$/, 'kvartal $1 er ikke begyndt endnu (det begynder $2)'],
  [/^quarter (\S+) is already final$/, 'kvartal $1 er allerede afsluttet'],
  [/^quarter (\S+) is already open$/, 'kvartal $1 er allerede åbent'],
  [
    /^quarter (\S+) cannot be finalised: (\d+) municipalities are not settled \((.*)\)\. Assess them, confirm carried-over rows, or mark them "not assessed" with a reason\.$/,
    'kvartal $1 kan ikke afsluttes: $2 kommuner er ikke på plads ($3). Vurdér dem, bekræft overførte rækker, eller markér dem "ikke vurderet" med en begrundelse.',
  ],

  // Accounts and access
  [/^log in to do this$/, 'log ind for at gøre dette'],
  [/^log in to see the dashboard$/, 'log ind for at se oversigten'],
  [/^your role \((\w+)\) may not do this; it needs (.+)$/, (_, mine, needed) => `din rolle (${role(mine)}) giver ikke adgang til dette; det kræver ${roles(needed)}`],
  [/^wrong e-mail or password, or the account is disabled$/, 'forkert e-mail eller adgangskode, eller kontoen er spærret'],
  [/^too many attempts; try again in (\d+) (minute|second)s?$/, (_, n, unit) => `for mange forsøg; prøv igen om ${n} ${unit === 'minute' ? (n === '1' ? 'minut' : 'minutter') : n === '1' ? 'sekund' : 'sekunder'}`],
  [/^is not your current password$/, 'er ikke din nuværende adgangskode'],
  [/^(\S+) already has an account$/, '$1 har allerede en konto'],
  [/^(.+) is not an e-mail address$/, '$1 er ikke en e-mailadresse'],
  [
    /^you cannot disable your own account or remove your own administrator role; ask another administrator$/,
    'du kan ikke spærre din egen konto eller fjerne din egen administratorrolle; spørg en anden administrator',
  ],
  [/^cross-site requests may not change data$/, 'forespørgsler fra andre websteder må ikke ændre data'],
  [/^requests from (.+) may not change data here$/, 'forespørgsler fra $1 må ikke ændre data her'],
  [/^the Origin header is not a URL$/, 'Origin-headeren er ikke en URL'],
  [/^missing or wrong x-csrf-token header; reload the page and try again$/, 'sikkerhedsnøglen mangler eller er forkert; genindlæs siden, og prøv igen'],
  [/^you have no area yet; an administrator must assign you to one$/, 'du har endnu intet område; en administrator skal tildele dig et'],
  [/^you may only change municipalities in your own area; not (.+)$/, 'du må kun ændre kommuner i dit eget område; ikke $1'],
  [/^The server could not complete the request\. The error has been logged\.$/, 'Serveren kunne ikke gennemføre handlingen. Fejlen er logget.'],

  // Deadlines, publishing, mail and links (issue #15)
  [/^must not be before the quarter begins \((\S+)\)$/, 'må ikke ligge før kvartalet begynder ($1)'],
  [/^quarter (\S+) is final; reopen it before changing its deadline$/, 'kvartal $1 er afsluttet; genåbn det, før fristen ændres'],
  [/^quarter (\S+) is not final; finalise it before publishing it$/, 'kvartal $1 er ikke afsluttet; afslut det, før det offentliggøres'],
  [/^(\S+) is not published$/, '$1 er ikke offentliggjort'],
  [/^the link is invalid or has expired; ask for a new one$/, 'linket er ugyldigt eller udløbet; bed om et nyt'],
  [/^this VV Monitor sends no e-mail; ask an administrator to set a new password$/, 'denne VV Monitor sender ikke e-mail; bed en administrator om at sætte en ny adgangskode'],
  [/^this VV Monitor sends no e-mail; set a password for the account instead$/, 'denne VV Monitor sender ikke e-mail; sæt i stedet en adgangskode for kontoen'],
  [/^is required; this VV Monitor sends no e-mail, so no invitation can be sent$/, 'skal udfyldes; denne VV Monitor sender ikke e-mail, så der kan ikke sendes en invitation'],
  [/^user (\d+) is disabled; enable the account first$/, 'bruger $1 er spærret; genåbn kontoen først'],

  // Agreements, quotas, areas, support log
  [/^an agreement cannot end before it was signed$/, 'en aftale kan ikke ophøre, før den er indgået'],
  [
    /^(\S+) already has an agreement with (RK|DFH) from (\S+)(?: to (\S+))?; end that one first$/,
    (_, code, org, from, to) => `${code} har allerede en aftale med ${org} fra ${from}${to ? ` til ${to}` : ''}; afslut den først`,
  ],
  [/^a zero-quota municipality cannot have a quota of (\d+)$/, 'en 0-kvote-kommune kan ikke have en kvote på $1'],
  [/^there is already an area called (.+)$/, 'der findes allerede et område, der hedder $1'],
  [/^(.+) is not a regional consultant \(role (\w+)\)$/, (_, name, r) => `${name} er ikke regional konsulent (rolle: ${role(r)})`],
  [/^the activity cannot be in the future; log it when it has happened$/, 'aktiviteten kan ikke ligge i fremtiden; registrér den, når den har fundet sted'],

  // Import
  [/^the data changed since the preview; preview again$/, 'data er ændret siden gennemsynet; se ændringerne igen'],
  [/^(\S+) is not in the database; open it first, or import a file with a "kvartal" column to create quarters$/, '$1 findes ikke i databasen; åbn det først, eller importér en fil med en kolonne "kvartal" for at oprette kvartaler'],
  [/^kategori (.+) and kategori_tekst (.+) disagree; make them the same, or empty one of them$/, 'kategori $1 og kategori_tekst $2 er ikke enige; gør dem ens, eller tøm den ene'],
  [/^empty, but (\S+) has (.+) in (\S+); write its category, or delete the row$/, 'tom, men $1 har $2 i $3; skriv kategorien, eller slet rækken'],
  [/^cell (\w+) holds a formula Excel has not calculated; open the file in Excel and save it again$/, 'celle $1 indeholder en formel, som Excel ikke har beregnet; åbn filen i Excel, og gem den igen'],
  [/^(.+); nothing was imported$/, (_, summary) => `${translateExplanation(summary)}; intet er importeret`],
  [/^(\d+) lines have errors$/, '$1 linjer har fejl'],
  [/^one line has errors$/, 'én linje har fejl'],
  [/^line (\d+), (\w+): (.+)$/, (_, line, field, text) => `linje ${line}, ${translateField(field)}: ${translateExplanation(text)}`],
  [/^missing; write the municipality code, e\.g\. 0101$/, 'mangler; skriv kommunekoden, fx 0101'],
  [/^missing; write the quarter, e\.g\. 2016K2$/, 'mangler; skriv kvartalet, fx 2016K2'],
  [/^(?:missing; )?write 1, 2, 3, grøn, gul, rød or "ikke vurderet"$/, 'skriv 1, 2, 3, grøn, gul, rød eller "ikke vurderet"'],
  [/^the file is empty; the first line must name the columns, e\.g\. kommunekode;kategori$/, 'filen er tom; første linje skal navngive kolonnerne, fx kommunekode;kategori'],
  [/^the file has a header line but no rows$/, 'filen har en overskriftslinje, men ingen rækker'],
  [/^the file is not text; upload a CSV or an XLSX file$/, 'filen er ikke tekst; upload en CSV- eller XLSX-fil'],
  [/^the workbook has no worksheet$/, 'projektmappen har intet regneark'],
  [/^the file is UTF-16 \("Unicode text"\), not UTF-8; .+$/, `filen er UTF-16 ("Unicode-tekst"), ikke UTF-8; ${SAVE_AS}`],
  [/^the file is not UTF-8 \(this line reads (.+) only as Windows-1252\); .+$/, `filen er ikke UTF-8 (linjen kan kun læses som Windows-1252: $1); ${SAVE_AS}`],
  [/^more than (\d+) rows; split the file, e\.g\. one file per year$/, 'mere end $1 rækker; del filen op, fx én fil pr. år'],
  [/^no "(.+)" column(.*); the first line must name the columns$/, 'ingen kolonne "$1"$2; første linje skal navngive kolonnerne'],
  [/^two columns mean the same: "(.+)" and "(.+)"; remove one$/, 'to kolonner betyder det samme: "$1" og "$2"; fjern den ene'],
  [/^has (\d+) cells but the header names (\d+) columns; is a separator or a quote out of place\?$/, 'har $1 celler, men overskriften navngiver $2 kolonner; står et skilletegn eller et anførselstegn forkert?'],
  [/^cannot read the CSV from this line on: (.+)$/, 'CSV-filen kan ikke læses fra denne linje: $1'],
  [/^larger than (\d+) MB; split it into several files, e\.g\. one per year$/, 'større end $1 MB; del den op i flere filer, fx én pr. år'],
  [/^no file was sent; choose a CSV or XLSX file$/, 'ingen fil sendt; vælg en CSV- eller XLSX-fil'],
  [/^send one file at a time$/, 'send én fil ad gangen'],
  [/^missing; preview the file first and send the fingerprint it answered$/, 'mangler; se ændringerne først, og send det fingeraftryk, du fik'],
  [/^not a readable Excel workbook \(\.xlsx\); save it again from Excel, or as "CSV UTF-8"$/, 'ikke en læsbar Excel-projektmappe (.xlsx); gem den igen fra Excel eller som "CSV UTF-8"'],
  [/^this is an old Excel 97–2003 workbook \(\.xls\); save it as \.xlsx or as "CSV UTF-8"$/, 'det er en gammel Excel 97–2003-projektmappe (.xls); gem den som .xlsx eller som "CSV UTF-8"'],
  [/^(.+) looks like a spreadsheet formula; .+$/, '$1 ligner en regnearksformel; fjern tegnet foran, eller sæt en apostrof (\') foran'],
  [/^(.+) is not a quarter code such as 2016K2$/, '$1 er ikke en kvartalskode som 2016K2'],
  [/^(\S+) differs from the chosen quarter (\S+)$/, '$1 er et andet kvartal end det valgte, $2'],
  [/^(.+) is not a category; (.+)$/, (_, cell, hint) => `${cell} er ikke en kategori; ${translateExplanation(hint)}`],
  [/^(.+) is not a known reason; write one of (.+) or its Danish or English name$/, '$1 er ikke en kendt årsag; skriv en af $2 eller dens danske eller engelske navn'],
  [/^"(.+)" is not the name of (\S+) (.+); are the columns shifted\?$/, '"$1" er ikke navnet på $2 $3; er kolonnerne forskudt?'],
  [/^(\S+) is not in the database and cannot be created: (.+)$/, (_, q, why) => `${q} findes ikke i databasen og kan ikke oprettes: ${translateExplanation(why)}`],
  [/^(\S+) appears more than once for (\S+): lines (.+) and (\d+) more$/, '$1 står der mere end én gang for $2: linje $3 og $4 flere'],
  [/^and (\d+) more problems from this line on; fix the ones above and upload the file again$/, 'og $1 fejl mere fra denne linje; ret fejlene ovenfor, og upload filen igen'],
  [/^uses column (\w+); a file may use at most (\d+) columns \(A to (\w+)\); delete the columns right of (\w+)$/, 'bruger kolonne $1; en fil må højst bruge $2 kolonner (A til $3); slet kolonnerne til højre for $4'],
  [/^the workbook's (\S+) unpacks to more than (\d+) KB \(too many styles or sheets\); save it as "CSV UTF-8"$/, 'projektmappens $1 fylder mere end $2 KB udpakket (for mange typografier eller ark); gem den som "CSV UTF-8"'],
  [/^the workbook has more than (\d+) pieces of formatted text; .+$/, 'projektmappen har mere end $1 stykker formateret tekst; fjern formateringen i cellerne, eller gem den som "CSV UTF-8"'],
  [/^the workbook unpacks to more than (\d+) MB; .+$/, 'projektmappen fylder mere end $1 MB udpakket; fjern andre ark og billeder, del den op, eller gem den som "CSV UTF-8"'],
  [/^(\S+) appears more than once for (\S+): lines (.+)$/, (_, code, q, lines) => `${code} står der mere end én gang for ${q}: linje ${lines.replace(' and ', ' og ')}`],
  [/^(\S+) is final; an administrator must reopen it before this row can change$/, '$1 er afsluttet; en administrator skal genåbne det, før rækken kan ændres'],
  [/^it is before (\S+), when the monitoring began$/, 'det ligger før $1, hvor overvågningen begyndte'],
  [/^it has not begun yet \(the current quarter is (\S+)\)$/, 'det er ikke begyndt endnu (det aktuelle kvartal er $1)'],
];

/** "body.rows.3.category" → "række 4, kategori"; "reasonText" → "årsagstekst". */
export function translateField(path: string): string {
  const parts = path.replace(/^body\./, '').split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'rows' && /^\d+$/.test(parts[i + 1] ?? '')) {
      words.push(`række ${Number(parts[++i]) + 1}`);
    } else {
      words.push(FIELDS[parts[i]] ?? parts[i]);
    }
  }
  return words.join(', ');
}

export function translateExplanation(text: string): string {
  // "…; got "2016X2"" keeps the value the user sent as it is. Explanations never contain "; got ",
  // so the first one ends the explanation, whatever the value holds.
  const got = text.indexOf('; got ');
  if (got >= 0) return `${translateRule(text.slice(0, got))}; fik ${text.slice(got + '; got '.length)}`;
  return translateRule(text);
}

function translateRule(text: string): string {
  for (const [pattern, replacement] of RULES) {
    if (pattern.test(text)) {
      return typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement as (...groups: string[]) => string);
    }
  }
  return text;
}

/**
 * A whole message: "field: explanation", several joined by "; ", or a sentence. Danish words can
 * be longer than the English ones ("code" is "kommunekode"), so the translation is cut again.
 */
export function translateMessage(message: string): string {
  const bounded = cut(message, MAX_MESSAGE_CHARS);
  const parts = bounded.split(/; (?=[\w.]+: )/);
  return cut(parts.map(translateOne).join('; '), MAX_MESSAGE_CHARS);
}

function translateOne(message: string): string {
  const field = /^([\w.]+): (.+)$/s.exec(message);
  if (field && (FIELDS[field[1].replace(/^body\./, '').split('.')[0]] || /^body\./.test(field[1]))) {
    return `${translateField(field[1])}: ${translateExplanation(field[2])}`;
  }
  return translateExplanation(message);
}

/** Whether the request asks for Danish first (the dashboard sends its language explicitly). */
export function wantsDanish(acceptLanguage: string | undefined): boolean {
  return /^\s*da\b/i.test(acceptLanguage ?? '');
}
