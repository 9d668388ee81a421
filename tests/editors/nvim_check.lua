-- Run by tests/test_server_nvim.py: nvim --headless -u NONE -c 'luafile nvim_check.lua'
-- (Neovim 0.7 has no `-l`). Loads the README configuration, opens $FZLINT_SEED, waits for
-- fzlint's diagnostics, asks for the code actions at one of them and applies the first,
-- then writes what it saw to $FZLINT_OUT as JSON.
vim.cmd("filetype on")
dofile(vim.env.FZLINT_CONFIG)
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FZLINT_SEED))
local out = { diagnostics = {} }
out.attached = vim.wait(20000, function()
  return #vim.lsp.buf_get_clients(0) > 0
end, 50)
out.published = vim.wait(60000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(out.diagnostics, {
    lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
    code = d.code or lsp.code, source = d.source, message = d.message,
  })
end
-- The quick fix for the first W102: request it as Neovim's code-action menu would, apply it.
local target = nil
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  if (d.code or lsp.code) == "W102" and target == nil then
    target = d
  end
end
out.target = target ~= nil
if target ~= nil then
  local client = vim.lsp.buf_get_clients(0)[1]
  local line = vim.api.nvim_buf_get_lines(0, target.lnum, target.lnum + 1, false)[1]
  local _, start_char = vim.str_utfindex(line, target.col) -- (UTF-32, UTF-16) indices
  local _, end_char = vim.str_utfindex(line, target.end_col)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(0),
    range = { start = { line = target.lnum, character = start_char }, ["end"] = { line = target.lnum, character = end_char } },
    -- What vim.lsp.buf.code_action() sends in 0.7: the line's diagnostics in LSP form.
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, target.lnum), only = { "quickfix" } },
  }
  local replies, failure = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 20000)
  out.request_error = failure
  replies = replies or {}
  for _, reply in pairs(replies) do
    out.action_error = reply.error and reply.error.message or nil
    for _, action in ipairs(reply.result or {}) do
      if out.action == nil then
        out.action = action.title
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        out.fixed_line = vim.api.nvim_buf_get_lines(0, target.lnum, target.lnum + 1, false)[1]
      end
    end
  end
end
local handle = io.open(vim.env.FZLINT_OUT, "w")
handle:write(vim.fn.json_encode(out))
handle:close()
for _, client in ipairs(vim.lsp.get_active_clients()) do
  client.stop()
end
vim.wait(5000, function()
  return #vim.lsp.get_active_clients() == 0
end, 50)
vim.cmd("qa!")
