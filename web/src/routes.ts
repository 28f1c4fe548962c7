/**
 * The pages of the app, by path. The dashboard is the first view and comes with the entry script;
 * every other page, and the login form, loads on its first visit, keeping the first view small.
 */
import type { Component } from 'svelte';
import type { Role } from '../../db/domain/role.ts';
import DashboardPage from './pages/dashboard/DashboardPage.svelte';

export type Page = Component<{ params: Record<string, string> }>;

/** A page that reads nothing from its path still gets the params, and leaves them alone. */
const paramless = (loading: Promise<{ default: Component<Record<string, never>> }>) => loading as unknown as Promise<{ default: Page }>;

export interface Route {
  pattern: string;
  load: () => Promise<{ default: Page }>;
  /** Who may open it; undefined = anyone who may read. */
  roles?: Role[];
}

const EDITORS: Role[] = ['admin', 'consultant'];

export const ROUTES: Route[] = [
  // The quarter and municipality pages read their code from the path; the others take nothing from it.
  { pattern: '/', load: () => paramless(Promise.resolve({ default: DashboardPage })) },
  { pattern: '/quarters/:code', load: () => import('./pages/quarter/QuarterPage.svelte'), roles: EDITORS },
  { pattern: '/quarters', load: () => import('./pages/quarter/QuarterPage.svelte'), roles: EDITORS },
  { pattern: '/municipalities/:code', load: () => import('./pages/municipality/MunicipalityPage.svelte') },
  { pattern: '/agreements', load: () => paramless(import('./pages/agreements/AgreementsPage.svelte')) },
  { pattern: '/quotas', load: () => paramless(import('./pages/quotas/QuotasPage.svelte')) },
  { pattern: '/area', load: () => paramless(import('./pages/area/AreaPage.svelte')) },
  { pattern: '/areas', load: () => paramless(import('./pages/areas/AreasPage.svelte')), roles: ['admin'] },
  { pattern: '/import', load: () => paramless(import('./pages/import/ImportPage.svelte')), roles: ['admin'] },
  { pattern: '/audit', load: () => paramless(import('./pages/audit/AuditPage.svelte')), roles: ['admin'] },
  { pattern: '/users', load: () => paramless(import('./pages/users/UsersPage.svelte')), roles: ['admin'] },
  // The quarterly report: its own chunk, loaded only when someone opens a report.
  { pattern: '/report/:quarter', load: () => import('./pages/report/ReportPage.svelte') },
  { pattern: '/report', load: () => import('./pages/report/ReportPage.svelte') },
  { pattern: '/account', load: () => paramless(import('./pages/account/AccountPage.svelte')), roles: ['admin', 'consultant', 'viewer'] },
];

export const loadLoginPage = () => paramless(import('./pages/login/LoginPage.svelte'));
/** The page a reset or invitation link opens (/password#token): shown without a session. */
export const loadPasswordPage = () => paramless(import('./pages/password/PasswordLinkPage.svelte'));
