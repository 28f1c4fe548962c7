/**
 * One agreement while it is registered, edited or ended: the fields the form shows, the checks
 * made before sending, and a refusal from the server shown at the field it names.
 */
import type { Organisation } from '../../../../db/domain/organisation.ts';
import type { AgreementRow } from '../../lib/contract.ts';
import { errorText, fieldOf } from '../../lib/errors.ts';
import { i18n, translator } from '../../lib/i18n.svelte.ts';
import { agreementsApi, today, type AgreementFields } from './agreements.ts';
import { MESSAGES } from './messages.ts';

const t = translator(MESSAGES);

export type AgreementMode = 'create' | 'edit' | 'end';
export type AgreementField = 'municipalityCode' | 'organisation' | 'signedOn' | 'endedOn' | 'note';

export class AgreementDraft {
  readonly mode: AgreementMode;
  readonly agreement: (AgreementFields & { id: number }) | null;
  /** The fields the form asks for, in their order on the form. */
  readonly fields: AgreementField[];
  readonly #start: Record<AgreementField, string>;

  municipalityCode = $state('');
  organisation = $state<Organisation | ''>('');
  signedOn = $state('');
  endedOn = $state('');
  note = $state('');
  busy = $state(false);
  errors = $state<Partial<Record<AgreementField, string>>>({});
  /** A refusal that names no field on the form. */
  formError = $state<string | null>(null);

  /** `fixedCode`: registering for this municipality only (the municipality page). */
  constructor(mode: AgreementMode, agreement: (AgreementFields & { id: number }) | null, fixedCode: string | null) {
    this.mode = mode;
    this.agreement = agreement;
    this.fields =
      mode === 'end'
        ? ['endedOn', 'note']
        : mode === 'edit' || fixedCode
          ? ['organisation', 'signedOn', 'endedOn', 'note']
          : ['municipalityCode', 'organisation', 'signedOn', 'endedOn', 'note'];
    this.#start = {
      municipalityCode: agreement?.municipalityCode ?? fixedCode ?? '',
      organisation: agreement?.organisation ?? '',
      signedOn: agreement?.signedOn ?? '',
      endedOn: mode === 'end' ? today() : (agreement?.endedOn ?? ''),
      note: agreement?.note ?? '',
    };
    this.municipalityCode = this.#start.municipalityCode;
    this.organisation = this.#start.organisation as Organisation | '';
    this.signedOn = this.#start.signedOn;
    this.endedOn = this.#start.endedOn;
    this.note = this.#start.note;
  }

  #validate(): Partial<Record<AgreementField, string>> {
    const found: Partial<Record<AgreementField, string>> = {};
    const asks = (field: AgreementField) => this.fields.includes(field);
    if (asks('municipalityCode') && !this.municipalityCode) found.municipalityCode = t('form.missing.municipalityCode');
    if (asks('organisation') && !this.organisation) found.organisation = t('form.missing.organisation');
    if (asks('signedOn') && !this.signedOn) found.signedOn = t('form.missing.signedOn');
    if (this.mode === 'end' && !this.endedOn) found.endedOn = t('form.missing.endedOn');
    if (this.endedOn && this.signedOn && this.endedOn < this.signedOn) {
      found.endedOn = t('form.endBeforeSigned', { date: i18n.date(this.signedOn) });
    }
    return found;
  }

  /** Only what the user changed, so an edit cannot overwrite someone else's change to another field. */
  #changes(): Partial<AgreementFields> {
    const changed: Partial<AgreementFields> = {};
    if (this.organisation !== this.#start.organisation) changed.organisation = this.organisation as Organisation;
    if (this.signedOn !== this.#start.signedOn) changed.signedOn = this.signedOn;
    if (this.mode === 'end' || this.endedOn !== (this.agreement?.endedOn ?? '')) changed.endedOn = this.endedOn || null;
    if (this.note.trim() !== this.#start.note.trim()) changed.note = this.note.trim() || null;
    return changed;
  }

  /** The first field with a problem, for focus. */
  get firstError(): AgreementField | undefined {
    return this.fields.find((field) => this.errors[field]);
  }

  /**
   * Sends the agreement. `saved`: the row as stored (or null when nothing had changed);
   * `stopped`: a check or the server stopped it, and `errors` or `formError` says why.
   */
  async submit(): Promise<{ saved: AgreementRow | null } | 'stopped'> {
    this.errors = this.#validate();
    this.formError = null;
    if (this.firstError) return 'stopped';
    this.busy = true;
    try {
      if (this.mode === 'create') {
        const saved = await agreementsApi.create({
          municipalityCode: this.municipalityCode,
          organisation: this.organisation as Organisation,
          signedOn: this.signedOn,
          endedOn: this.endedOn || null,
          note: this.note.trim() || null,
        });
        return { saved };
      }
      const changed = this.#changes();
      if (Object.keys(changed).length === 0) return { saved: null };
      return { saved: await agreementsApi.update(this.agreement!.id, changed) };
    } catch (failure) {
      const field = this.fields.find((f) => f === fieldOf(failure));
      if (field) this.errors = { [field]: errorText(failure, { atField: true }) };
      else this.formError = errorText(failure);
      return 'stopped';
    } finally {
      this.busy = false;
    }
  }
}
