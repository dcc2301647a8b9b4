import type { AreaContract } from './common';

export const LOGISTICS: AreaContract = {};
