import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CursorPager } from './CursorPager';
import { cursorFromParams, pageVariables, withCursor } from './pager';

describe('pageVariables', () => {
  it('starts with the first page', () => {
    expect(pageVariables(25, {})).toEqual({ first: 25, after: undefined });
    expect(pageVariables(25, { after: null, before: null })).toEqual({ first: 25, after: undefined });
  });

  it('goes forward from the last row seen', () => {
    expect(pageVariables(50, { after: 'c50' })).toEqual({ first: 50, after: 'c50' });
  });

  it('goes back from the first row seen, asking for the last rows before it', () => {
    expect(pageVariables(25, { before: 'c26' })).toEqual({ last: 25, before: 'c26' });
  });
});

describe('the cursor in the URL', () => {
  it('replaces the cursor and keeps the other params', () => {
    const p = withCursor(new URLSearchParams('q=acme&after=c25'), { before: 'c26' });
    expect(p.toString()).toBe('q=acme&before=c26');
    expect(cursorFromParams(p)).toEqual({ after: null, before: 'c26' });
  });

  it('goes back to the first page with an empty cursor', () => {
    expect(withCursor(new URLSearchParams('after=c25&before=c1&q=x'), {}).toString()).toBe('q=x');
  });
});

const info = (hasPreviousPage: boolean, hasNextPage: boolean) => ({
  hasPreviousPage,
  hasNextPage,
  startCursor: 'first-seen',
  endCursor: 'last-seen',
});

function renderPager(totalCount: number, pageInfo = info(false, true), newestFirst = false) {
  const onPage = vi.fn();
  render(
    <MantineProvider>
      <CursorPager
        connection={{ totalCount, pageInfo }}
        pageSize={25}
        summary={`${totalCount} customers`}
        onPage={onPage}
        newestFirst={newestFirst}
      />
    </MantineProvider>,
  );
  return onPage;
}

describe('CursorPager', () => {
  it('pages forward from the last row and back from the first', async () => {
    const onPage = renderPager(60, info(true, true));
    expect(screen.getByText('60 customers, 25 per page')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenLastCalledWith({ after: 'last-seen' });
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(onPage).toHaveBeenLastCalledWith({ before: 'first-seen' });
  });

  it('cannot go back from the first page', () => {
    renderPager(60, info(false, true));
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('says Newer and Older for a list newest first', () => {
    renderPager(60, info(false, true), true);
    expect(screen.getByRole('button', { name: 'Older' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeDisabled();
  });

  it('shows only the count when everything fits on one page', () => {
    renderPager(3, info(false, false));
    expect(screen.getByText('3 customers')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing for an empty list', () => {
    renderPager(0, info(false, false));
    expect(screen.queryByText(/customers/)).toBeNull();
  });
});
