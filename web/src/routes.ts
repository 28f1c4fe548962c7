/**
 * The pages of the app, by path. The dashboard is the first view and comes with the entry script;
 * every other page, and the login form, loads on its first visit, keeping the first view small.
 */
import type { Component } from 'svelte';
import type { Role } from '../../db/domain/role.ts';
import DashboardPage from './pages/dashboard/DashboardPage.svelte';

export type Page = Component<{ params: Record<string, string> }>;

export interface Route {
  pattern: string;
  load: () => Promise<{ default: Page }>;
  /** Who may open it; undefined = anyone who may read. */
  roles?: Role[];
}

const EDITORS: Role[] = ['admin', 'consultant'];

export const ROUTES: Route[] = [
  // The dashboard takes no params; every other page reads its own from the path.
  { pattern: '/', load: async () => ({ default: DashboardPage as unknown as Page }) },
  { pattern: '/quarters/:code', load: () => import('./pages/quarter/QuarterPage.svelte'), roles: EDITORS },
  { pattern: '/quarters', load: () => import('./pages/quarter/QuarterPage.svelte'), roles: EDITORS },
  { pattern: '/municipalities/:code', load: () => import('./pages/municipality/MunicipalityPage.svelte') },
  { pattern: '/agreements', load: () => import('./pages/agreements/AgreementsPage.svelte') },
  { pattern: '/quotas', load: () => import('./pages/quotas/QuotasPage.svelte') },
  { pattern: '/area', load: () => import('./pages/area/AreaPage.svelte') },
  { pattern: '/areas', load: () => import('./pages/areas/AreasPage.svelte'), roles: ['admin'] },
  { pattern: '/import', load: () => import('./pages/import/ImportPage.svelte'), roles: ['admin'] },
  { pattern: '/audit', load: () => import('./pages/audit/AuditPage.svelte'), roles: ['admin'] },
  { pattern: '/users', load: () => import('./pages/users/UsersPage.svelte'), roles: ['admin'] },
  { pattern: '/account', load: () => import('./pages/account/AccountPage.svelte'), roles: ['admin', 'consultant', 'viewer'] },
];

export const loadLoginPage = () => import('./pages/login/LoginPage.svelte');
