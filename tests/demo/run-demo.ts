import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApi } from '../../src-main/api/router.js';
import { progressPrinter } from '../../src-main/cli/progress.js';
import { openStore } from '../../src-main/db/store.js';
import { generateGroup, writeGroup } from '../generator/index.js';
import { evaluate, formatEvaluation, type TruthRecord } from './evaluate.js';

/**
 * The main job on the embedded default data: a generated group of ten companies, its
 * ledgers and a few weeks of statements, imported, matched and exported exactly as the
 * `lettra` commands do, then measured against the generator's own truth.
 */
async function runDemo(outputFolder: string): Promise<void> {
  const started = performance.now();
  rmSync(outputFolder, { recursive: true, force: true });
  const filesFolder = join(outputFolder, 'files');
  mkdirSync(filesFolder, { recursive: true });

  const group = generateGroup({ seed: 20_261_204 });
  const manifest = writeGroup(group, filesFolder);
  console.log(
    `Generated ${manifest.companies.length} companies, ${manifest.ledgers.length} ledgers and ` +
      `${manifest.statements.length} statement files in ${filesFolder}`,
  );

  const store = await openStore(join(outputFolder, 'lettra.sqlite'));
  try {
    const api = createApi(store, progressPrinter());
    for (const company of manifest.companies) {
      api['companies.add']({
        code: company.code,
        name: company.name,
        iban: company.iban,
        siren: company.siren,
      });
    }
    const ledgers = api['imports.ledgers']({
      paths: manifest.ledgers.map((ledger) => join(filesFolder, ledger.file)),
    });
    const openItems = ledgers.reduce((sum, ledger) => sum + ledger.openItems, 0);
    const statementFiles = [...manifest.statements].sort(
      (a, b) => a.day.localeCompare(b.day) || a.company.localeCompare(b.company),
    );
    const statements = api['imports.statements']({
      paths: statementFiles.map((statement) => join(filesFolder, statement.file)),
    });
    const transactions = statements.reduce((sum, statement) => sum + statement.imported, 0);
    console.log(`Imported ${openItems} open items and ${transactions} bank transactions`);

    const matching = api['matching.run']({});
    const exported = api['allocations.export']({});
    writeFileSync(join(outputFolder, 'allocations.json'), `${JSON.stringify(exported, null, 2)}\n`);
    writeFileSync(join(outputFolder, 'allocations.csv'), api['allocations.exportCsv']({}));

    // The accounting impact: each company's automatic allocations as a numbered FEC batch.
    let entries = 0;
    for (const company of manifest.companies) {
      const { batch, text } = api['accounting.export']({ company: company.code, format: 'fec' });
      if (batch === null) continue;
      writeFileSync(join(outputFolder, batch.fileName), text);
      entries += batch.entryCount;
    }

    const truth = JSON.parse(
      readFileSync(join(filesFolder, manifest.truth), 'utf8'),
    ) as TruthRecord[];
    console.log('');
    console.log(`Matching took ${(matching.milliseconds / 1000).toFixed(1)} s.`);
    for (const line of formatEvaluation(evaluate(exported, truth))) console.log(line);
    console.log('');
    console.log(`Exports: ${join(outputFolder, 'allocations.json')} and allocations.csv`);
    console.log(`Accounting: ${entries} balanced bank-journal entries, one FEC batch per company`);
    console.log(`Database: ${store.path} (try: npx lettra --db ${store.path} company list)`);
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await store.close();
  }
}

await runDemo(resolve(process.argv[2] ?? 'demo-output'));
