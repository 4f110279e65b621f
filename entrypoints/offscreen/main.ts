import { serveAnalyzer } from '@/lib/runtime/analyzer-host';
import { sendToBackground } from '@/lib/runtime/protocol';

serveAnalyzer((record) => sendToBackground('remember', record));
