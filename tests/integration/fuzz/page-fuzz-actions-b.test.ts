import { useFuzzServer } from './fuzz-app.ts';
import { describePageActionFuzz } from './fuzz-pages.ts';

// Half of the pages with actions, so the two halves run side by side (fuzz-pages.ts).
describePageActionFuzz(useFuzzServer(), 1);
