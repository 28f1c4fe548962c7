/**
 * The demo's cooperation agreements, planned so that the published counts come out exactly.
 */
import { addDays } from '../domain/iso-date.ts';
import { quarterEnd } from '../domain/quarter.ts';
import type { Organisation } from '../domain/organisation.ts';
import type { Random } from './random.ts';

export interface DemoAgreement {
  municipalityCode: string;
  organisation: Organisation;
  signedOn: string;
  endedOn: string | null;
  note: string | null;
}

interface AgreementPlan {
  code: string;
  organisation: Organisation;
  signedQuarter: string;
  endedQuarter?: string;
}

/**
 * Municipalities take roles by their place in the shuffled order. The counts are chosen so that
 * 53 agreements are active after 2016K2, 61 after 2018K3 (53 − 2 ended + 10 signed) and 77 after
 * 2018K4 (16 more), held by 72 municipalities of which 5 have both organisations.
 */
export function planAgreements(codes: string[], random: Random): AgreementPlan[] {
  const other = (organisation: Organisation): Organisation => (organisation === 'RK' ? 'DFH' : 'RK');
  const some = (): Organisation => (random.next() < 0.45 ? 'RK' : 'DFH');
  const plans: AgreementPlan[] = [];
  const early = (code: string, organisation: Organisation) =>
    plans.push({ code, organisation, signedQuarter: '2016K2' });

  // 49 early single agreements and 2 early pairs: 53 agreements in 51 municipalities.
  const earlyOrganisation = new Map<string, Organisation>();
  for (const code of codes.slice(0, 49)) {
    const organisation = some();
    earlyOrganisation.set(code, organisation);
    early(code, organisation);
  }
  for (const code of codes.slice(49, 51)) {
    early(code, 'RK');
    early(code, 'DFH');
  }

  // Two early agreements end in 2017; the first municipality signs with the other organisation later.
  const [renewed, lapsed, secondA, secondB, secondLate] = codes;
  plans.find((p) => p.code === renewed)!.endedQuarter = '2017K1';
  plans.find((p) => p.code === lapsed)!.endedQuarter = '2017K3';
  plans.push({ code: renewed, organisation: other(earlyOrganisation.get(renewed)!), signedQuarter: '2018K2' });

  // Ten signed from 2016K3 to 2018K3: the renewal above, two second organisations, seven newcomers.
  plans.push({ code: secondA, organisation: other(earlyOrganisation.get(secondA)!), signedQuarter: '2017K2' });
  plans.push({ code: secondB, organisation: other(earlyOrganisation.get(secondB)!), signedQuarter: '2018K1' });
  const middleQuarters = ['2016K3', '2016K4', '2017K1', '2017K2', '2017K4', '2018K1', '2018K3'];
  codes.slice(51, 58).forEach((code, i) => plans.push({ code, organisation: some(), signedQuarter: middleQuarters[i] }));

  // The end-of-project push in 2018K4: one second organisation and fifteen newcomers.
  plans.push({ code: secondLate, organisation: other(earlyOrganisation.get(secondLate)!), signedQuarter: '2018K4' });
  for (const code of codes.slice(58, 73)) plans.push({ code, organisation: some(), signedQuarter: '2018K4' });
  return plans;
}

export function agreementRow(plan: AgreementPlan, random: Random): DemoAgreement {
  const signedOn =
    plan.signedQuarter === '2016K2'
      ? addDays('2016-01-04', random.int(0, 175))
      : addDays(quarterEnd(plan.signedQuarter), -random.int(5, 85));
  const endedOn = plan.endedQuarter ? addDays(quarterEnd(plan.endedQuarter), -random.int(5, 60)) : null;
  return {
    municipalityCode: plan.code,
    organisation: plan.organisation,
    signedOn,
    endedOn,
    note: endedOn ? 'Opsagt af kommunen (demodata)' : null,
  };
}

export function isActive(agreement: DemoAgreement, onDate: string): boolean {
  return agreement.signedOn <= onDate && (agreement.endedOn === null || agreement.endedOn > onDate);
}
