import { describeMatrix } from './matrixSuite';

describeMatrix('read', 50, 'reads retry then fail clearly');
