import type { AreaContract } from './common';

export const AFTER_SALES: AreaContract = {};
