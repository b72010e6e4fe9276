import type { ComponentType } from 'react';
import { IconBag, IconCash, IconChart, IconSettings, IconToday, IconUsers } from './components/icons';
import { CustomersArea } from './screens/customers/CustomersArea';
import { SettingsArea } from './screens/settings/SettingsArea';
import { useCustomers } from './store/customers';
import { ReceiveArea } from './screens/receive/ReceiveArea';
import { useReceive } from './screens/receive/receive-store';
import { SalesArea } from './screens/sales/SalesArea';
import { TodayArea } from './screens/today/TodayArea';
import { useToday } from './screens/today/today-store';
import { useSales } from './screens/sales/sales-store';
import { PainelArea } from './screens/dashboard/PainelArea';
import { useDashboard } from './screens/dashboard/dashboard-store';
import type { Role } from './store/session';

/**
 * The areas of the sidebar, in order. To add a screen: give its area a `component`. An area without one
 * shows a calm "Em breve" panel with its `soon` text. `shortcut` is a KeyboardEvent.key and is printed next
 * to the label; `help` lists the area's own keys in the F1 overlay.
 */
export type AreaId = 'hoje' | 'clientes' | 'vendas' | 'receber' | 'painel' | 'configuracoes';

export interface AreaShortcutHelp {
  keys: string;
  label: string;
}

export interface AreaDef {
  id: AreaId;
  label: string;
  shortcut: string;
  icon: ComponentType<{ size?: number }>;
  component?: ComponentType;
  /** what the area will do, shown while it is not built */
  soon: string;
  /** called when the clerk picks the area (sidebar or shortcut), e.g. to return to its first view */
  onOpen?: () => void;
  help?: AreaShortcutHelp[];
  /** only the owner sees it (sidebar, shortcut, F1): a clerk never finds it; the backend refuses its calls too */
  ownerOnly?: boolean;
}

export const AREAS: AreaDef[] = [
  {
    id: 'hoje',
    label: 'Hoje',
    shortcut: 'F4',
    icon: IconToday,
    component: TodayArea,
    soon: '',
    // Picking Hoje again (F4) builds the list anew: who was already called leaves it, new promises show.
    onOpen: () => void useToday.getState().load(),
    help: [
      { keys: 'F4', label: 'Atualizar a lista de hoje' },
      { keys: 'F9', label: 'Imprimir a folha curta' },
      { keys: 'Tab', label: 'Ir de um cliente a outro: Ligar, Registrar resultado' },
      { keys: 'F10', label: 'Registrar o resultado da ligação' },
      { keys: 'Esc', label: 'Fechar o resultado sem registrar' },
      { keys: 'Alt+L', label: 'Na ligação guiada: ligar para o cliente (e contar o tempo)' },
      { keys: 'F8', label: 'Na ligação guiada: próximo cliente (no Treino: próxima objeção)' },
      { keys: 'F9', label: 'Na ligação guiada: imprimir o termo do acordo' },
      { keys: 'F10', label: 'Na ligação guiada: registrar o resultado ou fazer o acordo' },
    ],
  },
  {
    id: 'clientes',
    label: 'Clientes',
    shortcut: 'F2',
    icon: IconUsers,
    component: CustomersArea,
    soon: '',
    onOpen: () => useCustomers.getState().showList(),
    help: [
      { keys: 'F3', label: 'Novo cliente' },
      { keys: '↑ ↓', label: 'Escolher um cliente na lista' },
      { keys: 'Enter', label: 'Abrir a ficha do cliente escolhido' },
      { keys: 'Alt+L', label: 'Na ficha: ligar agora (ligação guiada)' },
      { keys: 'F6', label: 'Na ficha: receber deste cliente' },
      { keys: 'Alt+X', label: 'Na ficha: ver o extrato' },
      { keys: 'Alt+E', label: 'Na ficha: editar o cadastro' },
      { keys: 'F5', label: 'Na ficha: nova venda para o cliente' },
      { keys: 'F10', label: 'Salvar o cadastro' },
      { keys: 'Esc', label: 'Voltar da ficha para a lista, cancelar o cadastro ou limpar a busca' },
    ],
  },
  {
    id: 'vendas',
    label: 'Vendas',
    shortcut: 'F5',
    icon: IconBag,
    component: SalesArea,
    soon: '',
    onOpen: () => useSales.getState().open(),
    help: [
      { keys: 'Enter', label: 'Ir para o próximo campo' },
      { keys: 'F10', label: 'Confirmar a venda' },
      { keys: 'F9', label: 'Imprimir o carnê' },
      { keys: 'F5', label: 'Nova venda, depois de confirmar' },
    ],
  },
  {
    id: 'receber',
    label: 'Receber',
    shortcut: 'F6',
    icon: IconCash,
    component: ReceiveArea,
    soon: '',
    onOpen: () => useReceive.getState().onAreaOpen(),
    help: [
      { keys: '↑ ↓ Enter', label: 'Escolher o cliente encontrado' },
      { keys: 'Alt+1 … Alt+4', label: 'Forma de pagamento: dinheiro, PIX, cartão, transferência' },
      { keys: 'F10', label: 'Confirmar o recebimento (ou o estorno)' },
      { keys: 'F9', label: 'Imprimir o recibo de 80 mm' },
      { keys: 'Esc', label: 'Trocar de cliente ou voltar' },
    ],
  },
  {
    id: 'painel',
    label: 'Painel',
    shortcut: 'F7',
    icon: IconChart,
    component: PainelArea,
    ownerOnly: true,
    soon: '',
    // Back in Painel (F7) after receiving or calling: the same period, with today's figures.
    onOpen: () => void useDashboard.getState().load(),
    help: [
      { keys: 'F7', label: 'Abrir o Painel' },
      { keys: 'F9', label: 'No Painel: imprimir ou salvar em PDF' },
      { keys: 'Esc', label: 'Fechar a lista de detalhes' },
    ],
  },
  {
    id: 'configuracoes',
    label: 'Configurações',
    shortcut: 'F8',
    icon: IconSettings,
    component: SettingsArea,
    help: [
      { keys: 'F10', label: 'Salvar a seção aberta' },
      { keys: 'Esc', label: 'Desfazer as alterações da seção' },
    ],
    soon: 'Aqui vão ficar os dados da loja, as regras de multa e juros, os limites de negociação, os usuários e as cópias de segurança.',
  },
];

export const areaById = (id: AreaId): AreaDef => AREAS.find((a) => a.id === id) ?? AREAS[0];

/** The areas this person may open: a clerk does not see the owner's areas at all (Painel). */
export const areasFor = (role: Role | undefined): AreaDef[] => AREAS.filter((a) => !a.ownerOnly || role === 'owner');

/** Keys that work everywhere after login, for the F1 overlay. */
export const GLOBAL_HELP: AreaShortcutHelp[] = [
  { keys: 'F1', label: 'Abrir ou fechar esta ajuda' },
  { keys: 'Esc', label: 'Voltar ou cancelar' },
  { keys: 'Enter', label: 'Confirmar' },
  { keys: 'F3', label: 'Novo cliente, de qualquer tela' },
];
