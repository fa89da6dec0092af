// What the form tests share: where the repository's generated forms are, and an ajv that records
// everything it logs. Nothing here knows about a particular rubric.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

/** The repository's root folder (this file is src/test/js/lib/forms.mjs). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
// RUBRICC_FORMS_DIR points the tests at other compiled forms (default: the committed generated-docs/).
export const DOCS = process.env.RUBRICC_FORMS_DIR ? resolve(process.env.RUBRICC_FORMS_DIR) : join(ROOT, 'generated-docs');
export const JAR = join(ROOT, 'target', 'rubricc.jar');

/**
 * Every compiled rubric version: {id, version, dir, rubric} where dir holds the generated files and
 * rubric is the source file (rubrics/<id>/<version>.rubric), sorted by id then version.
 */
export function versions() {
    const out = [];
    for (const id of readdirSync(DOCS).sort()) {
        const idDir = join(DOCS, id);
        let entries;
        try { entries = readdirSync(idDir, { withFileTypes: true }); } catch { continue; }
        for (const e of entries) {
            if (!e.isDirectory() || !existsSync(join(idDir, e.name, 'rating-form.schema.json'))) continue;
            out.push({ id, version: e.name, dir: join(idDir, e.name), rubric: join(ROOT, 'rubrics', id, `${e.name}.rubric`) });
        }
    }
    return out.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(a.version, b.version));
}

function compareVersions(a, b) {
    const pa = a.split('.').map(Number), pb = b.split('.').map(Number);
    for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
    return 0;
}

export function readJson(file) {
    return JSON.parse(readFileSync(file, 'utf8'));
}

/** The three files of a version's rating form; ui and messages are undefined when not generated. */
export function formFiles(dir) {
    const opt = (f) => (existsSync(join(dir, f)) ? readJson(join(dir, f)) : undefined);
    return {
        schema: readJson(join(dir, 'rating-form.schema.json')),
        uiSchema: opt('rating-form.ui.json'),
        messages: opt('rating-form.messages.json'),
    };
}

/** An Ajv2020 with the given options whose logger records every call in `logged` instead of printing. */
export function recordingAjv(options = {}) {
    const logged = [];
    const record = (level) => (...args) => logged.push(`${level}: ${args.map(String).join(' ')}`);
    const ajv = new Ajv2020({ ...options, logger: { log: record('log'), warn: record('warn'), error: record('error') } });
    return { ajv, logged };
}
