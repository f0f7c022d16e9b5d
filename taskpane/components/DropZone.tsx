import { mergeClasses } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { useDropZoneStyles } from "./DropZone.styles";

export interface DropZoneProps {
  /** Opens the file picker (click, Enter or Space). */
  onPick(): void;
  /** Files dropped on the zone. */
  onFiles(files: File[]): void;
  label?: string;
  children: ReactNode;
}

/** A keyboard-reachable area that opens the file picker or takes dropped files (page and county flow). */
export function DropZone({ onPick, onFiles, label, children }: DropZoneProps) {
  const s = useDropZoneStyles();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={mergeClasses(s.drop, dragging && s.dragging)}
      role="button"
      tabIndex={0}
      {...(label ? { "aria-label": label } : {})}
      onClick={onPick}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onPick()}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
    </div>
  );
}
