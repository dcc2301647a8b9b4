import type { AreaHandlers } from './common';

export const LOGISTICS: AreaHandlers = {};
