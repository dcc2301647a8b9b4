import type { AreaHandlers } from './common';

export const AFTER_SALES: AreaHandlers = {};
