import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { formatsFor } from '../../shared/i18n/formats';
import { App } from './App';
import './styles.css';

// Intl's data loads with the first formatter: here, while the page loads, not in the first overview drawn.
formatsFor('en');

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
