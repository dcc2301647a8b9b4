import type { AreaContract } from './common';

export const TAOBAO: AreaContract = {};
