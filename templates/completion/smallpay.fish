# fish completion for smallpay (printed by: smallpay completion fish)
# At each <TAB> the words go to `smallpay __complete`, which reads the program's own command tree and answers
# "value<TAB>description" lines, or ":files" for a path; errors are swallowed.
function __smallpay_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l lines (command smallpay __complete fish $words 2>/dev/null)
    if test "$lines[1]" = :files
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\n' $lines
end
complete -c smallpay -f -a '(__smallpay_complete)'
