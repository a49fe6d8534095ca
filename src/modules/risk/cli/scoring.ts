/** `vigie risk score`: scores a file of declarations as the server does, nothing stored. */
import { type Command, Option } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { formatInt, printJson } from '../../../platform/cli/output.ts';
import { resolveProfile } from '../../../platform/ingest/profile.ts';
import { readValidatedRows } from '../../../platform/ingest/run.ts';
import { declarationsTarget } from '../../declarations/index.ts';
import { profileVersion } from '../profiles.ts';
import { scoreDeclaration } from '../service.ts';
import { int, pct, withActiveModel } from './shared.ts';

export function registerScoringCommands(risk: Command, context: CliContext): void {
  risk
    .command('score')
    .description(
      'score declarations (stored, by reference; or from a file) and explain the scores; nothing is stored',
    )
    .argument('[references...]', 'declaration references')
    .option('--file <file>', 'score the declarations of a file instead')
    .option('-p, --profile <name|path>', 'mapping profile of the file', 'native')
    .option(
      '--profile-id <id>',
      'score with this rule profile version instead of the active ones',
      int('--profile-id'),
    )
    .addOption(
      new Option('--lang <lang>', 'language of explanations').choices(['en', 'fr', 'ar']).default('en'),
    )
    .option('--json', 'print as JSON')
    .action(
      async (
        references: string[],
        options: {
          file?: string;
          profile: string;
          profileId?: number;
          lang: 'en' | 'fr' | 'ar';
          json?: boolean;
        },
      ) => {
        await context.withDatabase(async (database, config) => {
          await withActiveModel(database);
          const forced =
            options.profileId !== undefined
              ? await profileVersion(database.db, options.profileId)
              : undefined;
          if (options.profileId !== undefined && !forced)
            throw new Error(`no rule profile #${options.profileId}`);
          const opts = forced ? { profiles: [forced] } : {};
          const inputs: (
            | { reference: string }
            | { lines: import('../../declarations/index.ts').DeclarationLine[] }
          )[] = [];
          if (options.file) {
            const read = await readValidatedRows(declarationsTarget, {
              file: options.file,
              profile: resolveProfile('declarations', options.profile, config.dataDir),
            });
            if (read.fileError) throw new Error(read.fileError.message);
            for (const e of read.errors.slice(0, 10)) console.error(`  ✖ line ${e.line}: ${e.message}`);
            const byRef = new Map<string, import('../../declarations/index.ts').DeclarationLine[]>();
            for (const line of read.rows)
              byRef.set(line.reference, [...(byRef.get(line.reference) ?? []), line]);
            for (const lines of byRef.values()) inputs.push({ lines });
          }
          for (const reference of references) inputs.push({ reference });
          if (inputs.length === 0) throw new Error('give references or --file');
          const out = [];
          for (const input of inputs) {
            const s = await scoreDeclaration(database, input, opts);
            if (options.json)
              out.push({
                ...s,
                result: { ...s.result, items: s.result.items.map(({ index: _i, ...it }) => it) },
              });
            else {
              console.log(
                `\n${s.reference} (office ${s.office}, ${s.lodged_on}): score ${s.result.score.toFixed(1)}, probability ${pct(s.result.probability)}, ` +
                  `expected duties ${formatInt(Math.round(s.result.expected_value))} — ${s.result.indicative_channel}`,
              );
              console.log(s.explanation[options.lang]);
            }
          }
          if (options.json) printJson(out);
        });
      },
    );
}
