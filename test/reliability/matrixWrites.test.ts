import { describeMatrix } from './matrixSuite';

describeMatrix('write', 40, 'writes never repeat and say "unknown" when nobody can know');
