"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { DateOrder } from "@/lib/date-input";

const DateOrderContext = createContext<DateOrder>("DMY");

/** The newsroom's order for all-number dates (NEWSROOM_DATE_ORDER), read on the server once per page. */
export function DateOrderProvider(props: { order: DateOrder; children: ReactNode }) {
  return <DateOrderContext value={props.order}>{props.children}</DateOrderContext>;
}

export const useDateOrder = () => useContext(DateOrderContext);
