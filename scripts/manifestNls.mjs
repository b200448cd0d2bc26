// Moves the manifest's user-facing strings into package.nls.json (issue 22): each plain string of a
// translatable field becomes "%key%", its English goes to package.nls.json. Re-run after adding
// commands, views, settings or walkthrough steps; it lists the keys package.nls.zh-cn.json lacks.
// Usage: node scripts/manifestNls.mjs [--check]   (--check: change nothing, exit 1 if a string is plain)
import { readFileSync, writeFileSync } from 'node:fs';

const check = process.argv.includes('--check');
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8'));
const zh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
const plain = [];

/** Replaces obj[field] (a plain string) with a %key% reference. */
function localise(obj, field, key) {
  const value = obj?.[field];
  if (typeof value !== 'string' || /^%[^%\s]+%$/.test(value)) return;
  plain.push(key);
  if (check) return;
  nls[key] = value;
  obj[field] = `%${key}%`;
}

const short = (id) => id.replace(/^cenFlowLogs\./, '');
localise(manifest, 'displayName', 'displayName');
localise(manifest, 'description', 'description');
const c = manifest.contributes;
for (const cmd of c.commands ?? []) {
  localise(cmd, 'title', `command.${short(cmd.command)}.title`);
  localise(cmd, 'category', 'command.category');
}
for (const containers of Object.values(c.viewsContainers ?? {})) for (const vc of containers) localise(vc, 'title', `viewsContainer.${short(vc.id) || vc.id}.title`);
for (const views of Object.values(c.views ?? {})) for (const v of views) localise(v, 'name', `view.${short(v.id)}.name`);
const welcomeCount = new Map();
for (const w of c.viewsWelcome ?? []) {
  const n = (welcomeCount.get(w.view) ?? 0) + 1;
  welcomeCount.set(w.view, n);
  localise(w, 'contents', `viewsWelcome.${short(w.view)}.${n}`);
}
for (const lang of c.languages ?? []) if (Array.isArray(lang.aliases)) localise(lang.aliases, 0, `language.${lang.id}.alias`);
if (c.configuration) {
  localise(c.configuration, 'title', 'configuration.title');
  const props = (prefix, properties) => {
    for (const [name, p] of Object.entries(properties ?? {})) {
      const key = `${prefix}${short(name)}`;
      localise(p, 'description', `${key}.description`);
      localise(p, 'markdownDescription', `${key}.markdownDescription`);
      (p.enumDescriptions ?? []).forEach((_, i) => localise(p.enumDescriptions, i, `${key}.enumDescriptions.${p.enum?.[i] ?? i}`));
      if (p.properties) props(`${key}.`, p.properties);
    }
  };
  props('configuration.', c.configuration.properties);
}
for (const wt of c.walkthroughs ?? []) {
  localise(wt, 'title', `walkthrough.${wt.id}.title`);
  localise(wt, 'description', `walkthrough.${wt.id}.description`);
  for (const step of wt.steps ?? []) {
    const key = `walkthrough.${wt.id}.${step.id}`;
    localise(step, 'title', `${key}.title`);
    localise(step, 'description', `${key}.description`);
    localise(step.media, 'markdown', `${key}.media`);
    localise(step.media, 'altText', `${key}.altText`);
  }
}

if (check) {
  if (plain.length) {
    console.error(`package.json has ${plain.length} plain user-facing strings; run node scripts/manifestNls.mjs:\n  ${plain.join('\n  ')}`);
    process.exit(1);
  }
} else {
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync('package.nls.json', `${JSON.stringify(nls, null, 2)}\n`);
  console.log(`moved ${plain.length} strings into package.nls.json`);
}
const missing = Object.keys(nls).filter((k) => !(k in zh));
if (missing.length) console.log(`package.nls.zh-cn.json lacks ${missing.length} keys:\n  ${missing.join('\n  ')}`);
