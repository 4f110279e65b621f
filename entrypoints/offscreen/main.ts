import { serveAnalyzer } from '@/lib/analysis/serve';
import { sendToBackground } from '@/lib/messaging';

serveAnalyzer((record) => sendToBackground('remember', record));
