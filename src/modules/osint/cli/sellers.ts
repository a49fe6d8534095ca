/** `vigie osint sellers list|show|identifiers`: accounts grouped across platforms by shared identifiers. */
import type { Command } from 'commander';
import type { CliContext } from '../../../platform/cli/context.ts';
import { printJson, printList } from '../../../platform/cli/output.ts';
import { getSellerProfile, listSellers, sellerIdentifiers } from '../seller-views.ts';
import { positiveInt, score } from './shared.ts';

export function registerSellerCommands(osint: Command, context: CliContext): void {
  const sellers = osint
    .command('sellers')
    .description('sellers: accounts grouped across platforms by shared identifiers');
  sellers
    .command('list')
    .description('sellers, highest score first')
    .option('--min-score <x>', 'score at least', score)
    .option('--limit <n>', 'how many', positiveInt, 50)
    .option('--json', 'print as JSON')
    .action(async (options: { minScore?: number; limit: number; json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const page = await listSellers(
          database.db,
          { min_score: options.minScore },
          { limit: options.limit, offset: 0 },
        );
        printList(options, page, page.items, {
          id: (s) => s.id,
          seller: (s) => s.display_name,
          score: (s) => s.score.toFixed(2),
          label: (s) => s.label ?? '',
          ads: (s) => s.ad_count,
          risky: (s) => s.risky_ad_count,
          accounts: (s) => s.accounts.length,
          platforms: (s) => s.platforms.join(', '),
          brands: (s) =>
            s.brands
              .map((b) => b.name)
              .slice(0, 3)
              .join(', '),
          'last seen': (s) => s.last_seen_at?.slice(0, 10) ?? '',
        });
      });
    });
  sellers
    .command('show')
    .description('one seller: profile, accounts, identifiers')
    .argument('<id>', 'seller id', positiveInt)
    .option('--json', 'print as JSON')
    .action(async (id: number, options: { json?: boolean }) => {
      await context.withDatabase(async (database) => {
        const s = await getSellerProfile(database.db, id);
        if (options.json) return printJson(s);
        console.log(
          `seller #${s.id} ${s.display_name}: score ${s.score.toFixed(2)} (${s.label ?? 'benign'})${s.merged_from.length ? `, merged from #${s.merged_from.join(', #')}` : ''}`,
        );
        for (const r of s.reasons) console.log(`  ${r}`);
        console.log(`  ${s.item_count} items, ${s.ad_count} distinct ads (${s.risky_ad_count} risky)`);
        console.log(`  accounts: ${s.accounts.map((a) => `${a.platform}:${a.handle}`).join(', ')}`);
        console.log(
          `  brands: ${s.brands.map((b) => `${b.name} (${b.count})`).join(', ') || '—'}; cities: ${s.cities.map((c) => c.name).join(', ') || '—'}`,
        );
        if (s.price_min_mad !== null) console.log(`  prices: ${s.price_min_mad}–${s.price_max_mad} MAD`);
        console.log(
          `  seen ${s.first_seen_at?.slice(0, 10) ?? '?'} → ${s.last_seen_at?.slice(0, 10) ?? '?'}`,
        );
        const i = s.identifiers;
        console.log(
          `  phones: ${i.phones.join(', ') || '—'}; e-mails: ${i.emails.join(', ') || '—'}; shops: ${i.shop_urls.join(', ') || '—'}`,
        );
      });
    });
  sellers
    .command('identifiers')
    .description(
      "a seller's identifiers as JSON (phones, e-mails, handles, shop URLs, company names, addresses)",
    )
    .argument('<id>', 'seller id', positiveInt)
    .action(async (id: number) => {
      await context.withDatabase(async (database) => printJson(await sellerIdentifiers(database.db, id)));
    });
}
