import { auditPdf } from './check/pdf-audit.ts';
const r = await auditPdf(process.argv[2], { shownFile: 'x' });
for (const c of r.checks) console.log(c.status.padEnd(15), c.id.padEnd(26), c.matterhorn ?? '-', c.message, JSON.stringify(c.details.slice(0, 3)));
console.log(r.seconds);
