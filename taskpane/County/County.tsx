import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useRef } from "react";
import { problemText, type Problem } from "../../src/consolidate";
import { points } from "../explain";
import { cellAddress } from "../../src/workbook/cells";
import { DropZone } from "../components/DropZone";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { useCountyStyles } from "./County.styles";
import type { CountyModel } from "./useCounty";

/** Picks township files (or a folder), shows the county ranking and problems, settles duplicates, downloads. */
export function County({ m }: { m: CountyModel }) {
  const s = useCountyStyles();
  const { t, locale } = useStrings();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const result = m.outcome?.result;
  const problem = (p: Problem) =>
    /^duplicate-township$/.test(p.issue.code)
      ? fill(t.countyDuplicateProblem, {
          township: String(p.issue.params?.township ?? ""),
          files: String(p.issue.params?.files ?? ""),
        })
      : problemText(p.issue, locale);

  return (
    <section className={s.root} aria-labelledby="county-title" aria-busy={m.busy}>
      <Subtitle2 as="h2" id="county-title">
        {t.countyTitle}
      </Subtitle2>
      <Text>{t.countyIntro}</Text>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => files.current?.click()} disabled={m.busy}>
          {t.countyPickFiles}
        </Button>
        <Button onClick={() => folder.current?.click()} disabled={m.busy}>
          {t.countyPickFolder}
        </Button>
        <input
          ref={files}
          className={s.hidden}
          type="file"
          accept=".xlsx"
          multiple
          aria-label={t.pickTownships}
          onChange={(e) => {
            void m.add([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <input
          ref={folder}
          className={s.hidden}
          type="file"
          multiple
          aria-label={t.countyPickFolder}
          {...{ webkitdirectory: "" }}
          onChange={(e) => {
            void m.add([...(e.target.files ?? [])], true);
            e.target.value = "";
          }}
        />
      </div>
      <DropZone label={t.countyDrop} onPick={() => files.current?.click()} onFiles={(f) => void m.add(f)}>
        {t.countyDrop}
      </DropZone>
      {m.busy && (
        <Field validationMessage={fill(t.countyReading, { n: m.files.length })} validationState="none">
          <ProgressBar aria-label={fill(t.countyReading, { n: m.files.length })} />
        </Field>
      )}
      {m.files.length > 0 && (
        <Text size={200} className={s.files}>
          {fill(t.countyFiles, { n: m.files.length, names: m.files.map((f) => f.name).join("、") })}
        </Text>
      )}
      {m.error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{fill(t.failed, { message: m.error })}</MessageBarBody>
        </MessageBar>
      )}
      {m.duplicates.map((d) => (
        <div key={d.township} className={s.duplicate}>
          <Field label={fill(t.countyDuplicate, { township: d.township })}>
            <RadioGroup
              value={d.chosen}
              disabled={m.busy}
              onChange={(_, v) => void m.choose(d.township, v.value)}
            >
              {d.files.map((f) => (
                <Radio key={f} value={f} label={f} />
              ))}
              <Radio value="" label={t.countyNoneChosen} />
            </RadioGroup>
          </Field>
        </div>
      ))}
      {result && (
        <>
          <Subtitle2 as="h3">{fill(t.countyRanking, { year: result.year ?? "" })}</Subtitle2>
          {result.townships.length === 0 ? (
            <MessageBar intent="warning">
              <MessageBarBody>{t.countyNothing}</MessageBarBody>
            </MessageBar>
          ) : (
            <div
              className={s.scroller}
              role="region"
              tabIndex={0}
              aria-label={fill(t.countyRanking, { year: result.year ?? "" })}
            >
              <Table size="small" className={s.table} data-testid="county-ranking">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t.colRank}</TableHeaderCell>
                    <TableHeaderCell>{t.countyColTownship}</TableHeaderCell>
                    <TableHeaderCell>{t.countyColTotal}</TableHeaderCell>
                    <TableHeaderCell>{t.colGrade}</TableHeaderCell>
                    <TableHeaderCell>{t.countyColUnreviewed}</TableHeaderCell>
                    <TableHeaderCell>{t.countyColFile}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.townships.map((r) => (
                    <TableRow key={r.file}>
                      <TableCell className={s.number}>{r.rank}</TableCell>
                      <TableCell className={s.nowrap}>{r.township}</TableCell>
                      <TableCell className={s.number}>{points(r.total)}</TableCell>
                      <TableCell className={s.nowrap}>{r.grade}</TableCell>
                      <TableCell className={s.number}>{r.unreviewed}</TableCell>
                      <TableCell>{r.file}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <div className={s.row}>
            {result.townships.length > 0 && (
              <Button appearance="primary" onClick={() => void m.download()} disabled={m.busy}>
                {t.countyDownload}
              </Button>
            )}
            {m.writeInto && result.townships.length > 0 && (
              <Button onClick={() => void m.writeInto?.()} disabled={m.busy}>
                {t.countyWrite}
              </Button>
            )}
          </div>
          {m.written && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{fill(t.countyWritten, { names: m.written.join("、") })}</MessageBarBody>
            </MessageBar>
          )}
          <Subtitle2 as="h3">{fill(t.countyProblems, { n: result.problems.length })}</Subtitle2>
          {result.problems.length === 0 ? (
            <Text>{t.countyNoProblems}</Text>
          ) : (
            <Table size="small" className={s.problems} data-testid="county-problems">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.countyColFile}</TableHeaderCell>
                  <TableHeaderCell>{t.countyColPlace}</TableHeaderCell>
                  <TableHeaderCell>{t.countyColProblem}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.problems.map((p, i) => (
                  <TableRow key={i}>
                    <TableCell className={s.problemFile}>
                      {p.file}
                      {p.excluded && <span className={s.excluded}>{t.countyLeftOut}</span>}
                    </TableCell>
                    <TableCell className={s.nowrap}>
                      {p.issue.sheet ? cellAddress(p.issue.sheet, p.issue.row, p.issue.column) : ""}
                    </TableCell>
                    <TableCell className={s.problemText}>{problem(p)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </section>
  );
}
