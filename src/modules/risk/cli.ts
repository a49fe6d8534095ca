/**
 * `vigie risk …`, loaded only when it runs (module.ts), one file per section in cli/: rule profiles (list, show,
 * validate, create, activate, retire) and indicators, back-tests, scoring, the daily selection and statistics,
 * watchlists and office parameters. The command line acts with the database's own rights (like an administrator):
 * it shows rules with their intelligence.
 */
import type { Command } from 'commander';
import type { CliContext } from '../../platform/cli/context.ts';
import { registerBacktestCommands } from './cli/backtest.ts';
import { registerOfficeCommands } from './cli/offices.ts';
import { registerPreArrivalCommands } from './cli/prearrival.ts';
import { registerProfileCommands } from './cli/profiles.ts';
import { registerScoringCommands } from './cli/scoring.ts';
import { registerSelectionCommands } from './cli/selection.ts';
import { registerWatchlistCommands } from './cli/watchlists.ts';

export function registerRiskCli(program: Command, context: CliContext): void {
  const risk = program
    .command('risk')
    .description('risk targeting: rule profiles, back-tests, scoring, selection');
  registerProfileCommands(risk, context);
  registerBacktestCommands(risk, context);
  registerScoringCommands(risk, context);
  registerSelectionCommands(risk, context);
  registerWatchlistCommands(risk, context);
  registerOfficeCommands(risk, context);
  registerPreArrivalCommands(risk, context);
}
