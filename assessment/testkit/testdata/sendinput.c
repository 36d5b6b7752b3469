/*
 * sendinput.exe: types into the desktop app under Wine the way Unikey and
 * EVKey do on Windows, a test fixture that never ships.
 *
 * Vietnamese input methods on Windows compose a letter by replacing what
 * was typed: for Telex "as" they let the key "a" through, then answer the
 * key "s" with a BackSpace and the composed letter "á", sent with
 * SendInput as a KEYEVENTF_UNICODE event, back to back with no delay.
 * This program reads a script on standard input, one event a line, and
 * sends the events between two pauses in a single SendInput call, so that
 * they reach the app as fast as Windows can deliver them:
 *
 *   wait-window SECONDS [CLASS]
 *                         wait until a window of the class (by default the
 *                         app's, GLFW's window class) is visible, then bring
 *                         it to the foreground
 *   sleep MILLISECONDS    send what is queued, then pause
 *   key VK [ctrl]         a virtual key, down and up (e.g. 08 BackSpace),
 *                         with Control held when "ctrl" follows; hex
 *   type XXXX             a character as a physical key press (VkKeyScan,
 *                         with Shift when needed); hex code point
 *   unicode XXXX          a character as KEYEVENTF_UNICODE; hex code point
 *
 * Exit status 0 when every event was sent, 1 otherwise.
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>

#define MAX_EVENTS 8192

static INPUT queue[MAX_EVENTS];
static UINT queued;

static int push(WORD vk, WORD scan, DWORD flags)
{
    if (queued == MAX_EVENTS)
        return 0;
    INPUT in;
    memset(&in, 0, sizeof in);
    in.type = INPUT_KEYBOARD;
    in.ki.wVk = vk;
    in.ki.wScan = scan;
    in.ki.dwFlags = flags;
    queue[queued++] = in;
    return 1;
}

static int press(WORD vk, WORD scan, DWORD flags)
{
    return push(vk, scan, flags) && push(vk, scan, flags | KEYEVENTF_KEYUP);
}

static int flush(void)
{
    UINT sent = queued ? SendInput(queued, queue, sizeof(INPUT)) : 0;
    int ok = sent == queued;
    if (!ok)
        fprintf(stderr, "SendInput sent %u of %u events (error %lu)\n", sent, queued, GetLastError());
    queued = 0;
    return ok;
}

static int wait_window(int seconds, const char *class)
{
    WCHAR name[64];
    MultiByteToWideChar(CP_UTF8, 0, class, -1, name, 64);
    for (int i = 0; i < seconds * 10; i++) {
        HWND w = FindWindowW(name, NULL);
        if (w && IsWindowVisible(w)) {
            SetForegroundWindow(w);
            Sleep(500);
            return 1;
        }
        Sleep(100);
    }
    fprintf(stderr, "no visible window of class %s after %d s\n", class, seconds);
    return 0;
}

static int type_char(unsigned code)
{
    SHORT k = VkKeyScanW((WCHAR)code);
    if (k == -1)
        return press(0, (WORD)code, KEYEVENTF_UNICODE);
    int shift = (k >> 8) & 1;
    return (!shift || push(VK_SHIFT, 0, 0)) && press(LOBYTE(k), 0, 0) &&
           (!shift || push(VK_SHIFT, 0, KEYEVENTF_KEYUP));
}

int main(void)
{
    char line[256], word[32], mod[32], class[32];
    unsigned n;
    int ok = 1;
    while (ok && fgets(line, sizeof line, stdin)) {
        mod[0] = 0;
        if (sscanf(line, "%31s", word) != 1)
            continue;
        strcpy(class, "GLFW30");
        if (!strcmp(word, "wait-window") && sscanf(line, "%*s %u %31s", &n, class) >= 1)
            ok = flush() && wait_window((int)n, class);
        else if (!strcmp(word, "sleep") && sscanf(line, "%*s %u", &n) == 1) {
            ok = flush();
            Sleep(n);
        } else if (!strcmp(word, "key") && sscanf(line, "%*s %x %31s", &n, mod) >= 1) {
            int ctrl = !strcmp(mod, "ctrl");
            ok = (!ctrl || push(VK_CONTROL, 0, 0)) && press((WORD)n, 0, 0) &&
                 (!ctrl || push(VK_CONTROL, 0, KEYEVENTF_KEYUP));
        } else if (!strcmp(word, "type") && sscanf(line, "%*s %x", &n) == 1)
            ok = type_char(n);
        else if (!strcmp(word, "unicode") && sscanf(line, "%*s %x", &n) == 1)
            ok = press(0, (WORD)n, KEYEVENTF_UNICODE);
        else {
            fprintf(stderr, "bad line: %s", line);
            ok = 0;
        }
    }
    return ok && flush() ? 0 : 1;
}
