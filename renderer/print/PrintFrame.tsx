import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Box, Button, Group, Text, Title } from '@mantine/core';
import { Shortcut } from '../components/Shortcut';
import { useShortcuts } from '../shell/keys';
import './print.css';

/** Put on each sheet of a printable document: a white page on screen, one page (break after) on paper. */
export const PRINT_PAGE_CLASS = 'emdia-print-page';
/** Put on anything inside a document that must show on screen but never on paper (hints, warnings). */
export const SCREEN_ONLY_CLASS = 'emdia-print-screen-only';

export interface PrintFrameProps {
  /** what is being printed, in the toolbar and as the PDF's default file name ("Carnê A-000012") */
  title: string;
  /** a second line in the toolbar ("5 parcelas · Conceição Araújo") */
  subtitle?: ReactNode;
  /**
   * CSS `@page` size set by the document: `A4` for the carnê, `80mm auto` for an 80 mm thermal receipt
   * (CONVENTIONS.md: left out, Electron sends A4 and shrinks a receipt).
   */
  pageSize: string;
  /** CSS `@page` margin; the document usually draws its own margins inside the sheet (default 0) */
  pageMargin?: string;
  /** false while the document is still preparing (QR codes, data): printing waits, the button is disabled */
  ready?: boolean;
  /** on-screen only, under the toolbar: e.g. "fill the store's address in Configurações" */
  notice?: ReactNode;
  onClose(): void;
  /** the document: one or more elements with PRINT_PAGE_CLASS */
  children: ReactNode;
}

/**
 * The shared print mechanism (carnê, receipts): shows the printable document full-screen over the app with a
 * toolbar — Imprimir (F9) / Voltar (Esc) — and prints it with `window.print()`, which works in the desktop
 * window and in browser mode. In print only the document goes to paper (print.css); the `@page` size comes from
 * `pageSize`.
 */
export function PrintFrame({ title, subtitle, pageSize, pageMargin = '0', ready = true, notice, onClose, children }: PrintFrameProps) {
  const printButton = useRef<HTMLButtonElement>(null);

  const print = () => {
    if (!ready) return;
    window.print();
  };

  useShortcuts({ F9: print, Escape: onClose }, { exclusive: true });

  useEffect(() => {
    const body = document.body;
    const previousTitle = document.title;
    body.classList.add('emdia-printing');
    // The browser names the PDF after the page title; "Carnê A-000012" beats "EmDia".
    document.title = title;
    return () => {
      body.classList.remove('emdia-printing');
      document.title = previousTitle;
    };
  }, [title]);

  // Enter prints: the cursor starts on the main action.
  useEffect(() => {
    if (ready) printButton.current?.focus();
  }, [ready]);

  return createPortal(
    <div className="emdia-print-root" role="dialog" aria-modal="true" aria-label={title}>
      <style>{`@page { size: ${pageSize}; margin: ${pageMargin}; }`}</style>
      <div className="emdia-print-toolbar">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Title order={2} size="h3" lh={1.2}>
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed" truncate="end">
              {subtitle}
            </Text>
          )}
        </Box>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={onClose}>
            Voltar
            <Shortcut keys="Esc" />
          </Button>
          <Button ref={printButton} onClick={print} disabled={!ready} leftSection={<IconPrinter size={20} />}>
            Imprimir
            <Shortcut keys="F9" />
          </Button>
        </Group>
      </div>
      {notice && (
        <Box className={SCREEN_ONLY_CLASS} px="xl" pt="md">
          {notice}
        </Box>
      )}
      {/* Focusable so the keyboard can scroll a long document (a carnê of 24 parcelas) with the arrow keys. */}
      <div className="emdia-print-desk" tabIndex={0} role="region" aria-label={`Prévia: ${title}`}>
        <div className="emdia-print-document">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

function IconPrinter({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M7 9V3.5h10V9M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2" />
      <rect x="7" y="14" width="10" height="7" rx="1" />
    </svg>
  );
}
