/**
 * The name of an uploaded file is shown again (in the audit log), so it loses control and bidi
 * characters on the way in, like every other text the API takes.
 */
import { describe, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../helper.ts';
import { uploadFile } from './upload.ts';

describe('an uploaded file’s name', () => {
  it('is stored without control or bidi characters', async () => {
    const { app } = await buildTestApp();
    const admin = await loginAs(app, 'admin');
    expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
    const file = { name: 'kvartal\u202Egpj.\u0007csv', bytes: 'kommunekode;kategori\r\n0101;1\r\n' };
    const preview = await uploadFile(app, admin, '/api/imports/preview', file, { quarter: '2019K1' });
    expect(preview.statusCode, preview.body).toBe(200);
    const commit = await uploadFile(app, admin, '/api/imports/commit', file, { quarter: '2019K1', fingerprint: preview.json().fingerprint });
    expect(commit.statusCode, commit.body).toBe(200);
    const audit = (await admin.inject('GET', '/api/audit?quarter=2019K1')).json();
    const imported = audit.rows.find((row: { action: string }) => row.action === 'import');
    expect(JSON.stringify(imported)).toContain('kvartalgpj.csv');
    expect(JSON.stringify(imported)).not.toMatch(/\\u202e|\\u0007|\u202E|\u0007/i);
    await app.close();
  });
});
