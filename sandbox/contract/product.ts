import type { AreaContract } from './common';

export const PRODUCT: AreaContract = {};
