/** Write scenarios (see writeScenarios.ts), first half of the operations; the rest run in writeScenariosMore.test.ts, in parallel. */
import { describeWriteScenarios } from './writeScenariosSuite';

describeWriteScenarios(0);
