/** The three quarterly categories of Bilag E. "Not assessed" is the absence of one, never red. */
export type Category = 1 | 2 | 3;
export type CategoryKey = 'green' | 'yellow' | 'red';

export const CATEGORIES: readonly Category[] = [1, 2, 3];

export const CATEGORY_KEY: Record<Category, CategoryKey> = { 1: 'green', 2: 'yellow', 3: 'red' };

/** The Danish colour words, as files and messages write them. */
export const CATEGORY_WORD_DA: Record<Category, string> = { 1: 'grøn', 2: 'gul', 3: 'rød' };

/** "Not assessed" as files write it. */
export const NOT_ASSESSED_DA = 'ikke vurderet';

export function isCategory(value: unknown): value is Category {
  return value === 1 || value === 2 || value === 3;
}

/**
 * Version 1 of the category definitions, in force from 2016K2. Each quarter stores the version it
 * was assessed under, so a later change of wording cannot silently reinterpret old quarters.
 */
export const CATEGORY_DEFINITIONS_V1 = {
  1: {
    da: 'VV-tilbuddet er fast forankret, og kommunens behov er dækket',
    en: 'The VV offer is firmly anchored and the municipality’s need is covered',
  },
  2: {
    da: 'VV-tilbuddet er løst forankret, og behovet er ikke dækket til fulde',
    en: 'The VV offer is loosely anchored and the need is not fully covered',
  },
  3: {
    da: 'Intet samarbejde mellem kommunen og en frivilligorganisation',
    en: 'No cooperation between the municipality and a volunteer organisation',
  },
} as const;
