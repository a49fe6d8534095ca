// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api.ts';
import i18n from '../i18n/index.ts';
import { OutcomeBadge } from '../pages/Declarations.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

const wrap = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);
afterEach(cleanup);

describe('components', () => {
  it('show an API error in the user language, falling back on the server message', async () => {
    await i18n.changeLanguage('fr');
    wrap(<ErrorAlert error={new ApiError(403, 'auth.forbidden', 'your role does not allow this')} />);
    expect(screen.getByRole('alert').textContent).toContain('Votre rôle ne permet pas cette action.');
    cleanup();
    await i18n.changeLanguage('en');
    // A code the workbench has no words for: the server's own message is shown.
    wrap(<ErrorAlert error={new ApiError(409, 'example.untranslated', 'a thing named x already exists')} />);
    expect(screen.getByRole('alert').textContent).toContain('a thing named x already exists');
  });

  it('badge the worst outcome of a declaration', async () => {
    await i18n.changeLanguage('fr');
    wrap(<OutcomeBadge d={{ inspected_items: 3, fraud_items: 1, critical_items: 1 }} />);
    expect(screen.getByText('Fraude critique')).toBeTruthy();
    cleanup();
    wrap(<OutcomeBadge d={{ inspected_items: 0, fraud_items: 0, critical_items: 0 }} />);
    expect(screen.getByText('Non contrôlé')).toBeTruthy();
  });
});
