'use client';
import { useContext, useEffect } from 'react';
import { ListControllerContext } from '../listController';
import type { MessageListController } from '../listController';

/** Registers the list with the nearest `ListControllerContext` (the pin bar's jumps, search). */
export function useRegisterListController(
  jumpTo: MessageListController['jumpTo'],
  scrollToBottom: MessageListController['scrollToBottom'],
): void {
  const controllerRef = useContext(ListControllerContext);
  useEffect(() => {
    if (!controllerRef) return undefined;
    const controller: MessageListController = { jumpTo, scrollToBottom };
    controllerRef.current = controller;
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
    };
  }, [controllerRef, jumpTo, scrollToBottom]);
}
