import type { AreaHandlers } from './common';

export const TAOBAO: AreaHandlers = {};
