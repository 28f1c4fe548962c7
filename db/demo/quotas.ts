/**
 * The demo's reception quotas: the published zero-quota municipalities, and invented national
 * quotas spread over the others.
 */
import { MUNICIPALITIES } from '../reference/municipalities.ts';
import type { Random } from './random.ts';

export interface DemoQuota {
  municipalityCode: string;
  year: number;
  quota: number;
  zeroQuota: boolean;
}

const ZERO_QUOTA_2016 = ['0153', '0165', '0169', '0183'];
const ZERO_QUOTA_2017 = [...ZERO_QUOTA_2016, '0147', '0155', '0187'];
const ZERO_QUOTA_2018 = [...ZERO_QUOTA_2017, '0157', '0161', '0167', '0175', '0185'];
export const ZERO_QUOTA: Record<number, string[]> = { 2016: ZERO_QUOTA_2016, 2017: ZERO_QUOTA_2017, 2018: ZERO_QUOTA_2018 };
/** Invented national quotas (landstal) for the demo, spread over the municipalities without a zero quota. */
const NATIONAL_QUOTA: Record<number, number> = { 2016: 7500, 2017: 3500, 2018: 1000 };

export function demoQuotas(random: Random): DemoQuota[] {
  const weight = new Map(MUNICIPALITIES.map((m) => [m.code, Math.exp(random.normal() * 0.6)]));
  return Object.entries(ZERO_QUOTA).flatMap(([yearText, zero]) => {
    const year = Number(yearText);
    const receiving = MUNICIPALITIES.filter((m) => !zero.includes(m.code));
    const total = receiving.reduce((sum, m) => sum + weight.get(m.code)!, 0);
    return MUNICIPALITIES.map((m) => {
      const zeroQuota = zero.includes(m.code);
      const quota = zeroQuota ? 0 : Math.max(1, Math.round((NATIONAL_QUOTA[year] * weight.get(m.code)!) / total));
      return { municipalityCode: m.code, year, quota, zeroQuota };
    });
  });
}
