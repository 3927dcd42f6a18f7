import type { FC } from 'hono/jsx'
import type { Brand } from '../../../../lib/schemas/brand'
import { ConsoleLayout } from '../ConsoleLayout'

const importCss = `
.import-actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:8px}
#import-errors td.line{font-variant-numeric:tabular-nums}
#import-progress{width:100%;height:14px}
.counts{display:flex;gap:16px;flex-wrap:wrap}
.counts b{font-size:1.2rem}
code{background:#f6f6f8;padding:1px 4px;border-radius:4px}
`

/** The staff import: pick a CSV, check it (every bad row listed), then import it with progress and counts. */
export const ImportPage: FC<{ brand: Brand; script: string }> = ({ brand, script }) => (
  <ConsoleLayout title="导入员工 Import staff" brandName={brand.name} script={script} current="import" extraCss={importCss}>
    <section class="card">
      <h2>导入员工和导购 Import employees and guides</h2>
      <p class="muted">
        CSV 文件（UTF-8 或 Excel 另存的 GBK），列：<code>姓名</code>、<code>类型</code>（员工、导购、线上客户代表、线下客户代表、会员、异业合作、媒体）、<code>工号</code>、<code>门店/部门</code>、<code>推荐人工号</code>（可选）。按工号去重：重复导入只更新，不会重复创建。
      </p>
      <p class="muted">Columns name, type, external_id, store, recruiter_external_id (optional). Rows are matched by external id, so importing again updates instead of duplicating.</p>
      <label for="import-file">选择文件 Choose a file</label>
      <input type="file" id="import-file" accept=".csv,text/csv" />
      <div class="import-actions">
        <button type="button" id="import-check" disabled>检查 Check</button>
        <button type="button" id="import-run" disabled>导入 Import</button>
        <span id="import-status" role="status"></span>
      </div>
    </section>
    <section class="card" id="import-summary" hidden>
      <h3>检查结果 Check</h3>
      <p id="import-summary-text"></p>
      <progress id="import-progress" max="1" value="0" hidden></progress>
      <div class="counts" id="import-counts" hidden>
        <span>新建 Created <b id="count-created">0</b></span>
        <span>更新 Updated <b id="count-updated">0</b></span>
        <span>未变 Unchanged <b id="count-unchanged">0</b></span>
        <span>失败 Failed <b id="count-failed">0</b></span>
      </div>
    </section>
    <section class="card" id="import-errors-card" hidden>
      <h3>有问题的行 Rows with problems</h3>
      <div class="table-wrap">
        <table id="import-errors">
          <thead>
            <tr>
              <th>行号 Line</th>
              <th>字段 Field</th>
              <th>原因 Reason</th>
              <th>说明 Details</th>
            </tr>
          </thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
  </ConsoleLayout>
)
