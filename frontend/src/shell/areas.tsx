import type { ComponentType } from 'react';
import {
  IconAddressBook,
  IconBuildingBroadcastTower,
  IconCalendarDollar,
  IconCalendarRepeat,
  IconClockHour4,
  IconFileInvoice,
  IconGauge,
  IconMailForward,
  IconPackage,
  IconPhoneCall,
  IconReceipt2,
  IconSettings,
  IconUpload,
  IconUserCircle,
  IconZoomMoney,
} from '@tabler/icons-react';

/** One area of the staff app, as shown in the navbar. */
export interface Area {
  label: string;
  path: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown on the area's page until it is built; one sentence, in billing words. */
  purpose: string;
  /** True once the area does real work; otherwise it shows "coming in a later release". */
  built?: boolean;
}

export const areas: Area[] = [
  {
    label: 'Dashboard',
    path: '/',
    icon: IconGauge,
    purpose:
      'Your billing period at a glance: unbilled calls per customer, CDR files waiting to be processed and invoices falling due.',
    built: true,
  },
  {
    label: 'Customers',
    path: '/customers',
    icon: IconAddressBook,
    purpose: 'Customers, their CLIs and sites, billing type, tariff and invoice delivery.',
    built: true,
  },
  {
    label: 'Tariffs & rates',
    path: '/tariffs',
    icon: IconZoomMoney,
    purpose:
      'Tariffs and their versioned rate sheets: upload destinations with peak, off-peak and weekend prices, see when each version was in force and download any of them.',
    built: true,
  },
  {
    label: 'Peak times',
    path: '/peak-times',
    icon: IconClockHour4,
    purpose:
      'Schedules that split the week into Peak, Off-peak and Weekend bands; any time not covered by a block is billed as Peak.',
    built: true,
  },
  {
    label: 'Providers',
    path: '/providers',
    icon: IconBuildingBroadcastTower,
    purpose:
      'The carriers you buy minutes from, each with the CDR file format its call records arrive in and its own rate sheets.',
    built: true,
  },
  {
    label: 'Uploads (CDR)',
    path: '/uploads',
    icon: IconUpload,
    purpose:
      "Upload a provider's call detail records, watch every call being matched to a customer and priced, reconcile what did not match, then process the file.",
    built: true,
  },
  {
    label: 'Calls',
    path: '/calls',
    icon: IconPhoneCall,
    purpose: 'Search every priced call by customer, CLI, destination or date and export what you find.',
    built: true,
  },
  {
    label: 'Billing runs',
    path: '/billing-runs',
    icon: IconCalendarDollar,
    purpose:
      "A wizard that turns each customer's unbilled calls and pending charges into invoices, with a preview of every invoice before anything is issued.",
    built: true,
  },
  {
    label: 'Invoices',
    path: '/invoices',
    icon: IconFileInvoice,
    purpose: 'Issued invoices with their PDF and call statement: settle them, re-send them or delete them.',
    built: true,
  },
  {
    label: 'Outbox',
    path: '/outbox',
    icon: IconMailForward,
    purpose: 'Every invoice email: queued, sent or failed with the reason; read what was sent, retry or resend.',
    built: true,
  },
  {
    label: 'Products',
    path: '/products',
    icon: IconPackage,
    purpose:
      "One-off and recurring products with a price per tariff; add them to a customer from its Charges tab.",
    built: true,
  },
  {
    label: 'Schedules',
    path: '/schedules',
    icon: IconCalendarRepeat,
    purpose: 'How often customers are invoiced: monthly, quarterly or weekly from an anchor day, or by hand.',
    built: true,
  },
  {
    label: 'Settings',
    path: '/settings',
    icon: IconSettings,
    purpose: 'Your company details and logo, default tax and payment terms, the invoice email and invoice numbering.',
    built: true,
  },
];

export const portalArea: Area = {
  label: 'Customer portal',
  path: '/portal',
  icon: IconUserCircle,
  purpose:
    'Where your customers see their invoices, outstanding balance, call history and usage charts, and download their call statements.',
};

export const invoiceIcon = IconReceipt2;
