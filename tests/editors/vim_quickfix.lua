-- Run by tests/test_editor_columns.py: README's Vim `makeprg`/`errorformat` lines, `:make`
-- on $FZLINT_SEED, then every quickfix entry jumped to; writes where the cursor landed.
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FZLINT_SEED))
vim.cmd(vim.env.FZLINT_MAKEPRG)
vim.cmd(vim.env.FZLINT_ERRORFORMAT)
vim.cmd("silent make!")
local out = {}
for index, item in ipairs(vim.fn.getqflist()) do
  if item.valid == 1 then
    vim.cmd("silent cc " .. index)
    local line = vim.fn.getline(".")
    local before = vim.str_utfindex(line, vim.fn.col(".") - 1) -- characters before the cursor
    local listed = vim.fn.execute("clist " .. index) -- as :clist shows it, "… error: …"
    table.insert(out, { line = vim.fn.line("."), character = before + 1, type = item.type, text = item.text, listed = listed })
  end
end
local handle = io.open(vim.env.FZLINT_OUT, "w")
handle:write(vim.fn.json_encode(out))
handle:close()
vim.cmd("qa!")
