import { useFuzzServer } from './fuzz-app.ts';
import { describeApiFuzz } from './fuzz-api.ts';

// Half of the API's operations, so the two halves run side by side (fuzz-api.ts).
describeApiFuzz(useFuzzServer(), 1);
