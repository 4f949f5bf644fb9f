import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

performance.mark('console:start');
createRoot(document.getElementById('root')!).render(<App />);
