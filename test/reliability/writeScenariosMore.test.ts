/** Write scenarios (see writeScenarios.ts), second half of the operations. */
import { describeWriteScenarios } from './writeScenariosSuite';

describeWriteScenarios(1);
