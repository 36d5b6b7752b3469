package vnkey

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// vietnameseText is everyday text of a culture office, in the classic tone
// placement the engine produces.
const vietnameseText = `Thành phố Hồ Chí Minh, Hà Nội, Huế, Đà Nẵng, Hội An, Hạ Long, Sài Gòn,
Cần Thơ, Hải Phòng, Nha Trang, Quảng Ninh, Quảng Nam, Thừa Thiên, Khánh Hòa, Bắc Ninh,
Thái Nguyên, Nghệ An, Điện Biên, Lào Cai, Đắk Lắk, Quy Nhơn, Buôn Ma Thuột, Phú Quốc.
Mạng lưới các thành phố sáng tạo của UNESCO: văn hóa, di sản, nghệ thuật, âm nhạc, ẩm thực,
thủ công, mỹ thuật, điện ảnh, thiết kế, văn học, truyền thống, lễ hội, bảo tàng, thư viện,
nhà hát, người dân, được, những, trường học, khuyến khích, quyết định, đánh giá, doanh nghiệp.
Nguyễn Trần Lê Phạm Huỳnh Hoàng Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh.
Cộng hòa xã hội chủ nghĩa Việt Nam, độc lập tự do hạnh phúc. Khoa học, giáo dục, kinh tế, du lịch.
giữa giờ gì gìn giữ quý quà quả giá già khuỷu ngoằn ngoèo thuở rượu hươu khuya xoáy tuổi
chuyện luyện quyển oai uống ước ướt ươm ưu cứu nghỉ hưu nước phường xã huyện tỉnh thủy hòe
khỏe tòa họa thoại loại ngoại choáng hoạch quốc quần tuần xuân khuấy nguệch yêu yến yết uyên
khuyên quyền giếng giường ăn ắt ấy ừ ơn ồ ạ ủy ban nhân dân hoặc xoăn ngoặt thuê huệ ý kiến
tiếng Việt là ngôn ngữ đẹp và giàu có; chúng tôi yêu quý những giá trị văn hóa truyền thống.`

// vietnameseWords splits vietnameseText into words.
func vietnameseWords() []string {
	return strings.FieldsFunc(vietnameseText, func(r rune) bool {
		return WordStart([]rune{r}) == 1 // not a letter
	})
}

// keys spells a Vietnamese word for a method: marks right after their
// letter, the tone at the end of the word (or, with marksLast, every mark at
// the end of the word, which VNI allows).
func keys(m Method, w string, marksLast bool) string {
	var letters, marks []rune
	var toneKey rune
	for _, r := range norm.NFD.String(w) {
		var k rune
		switch r {
		case 'đ', 'Đ':
			letters = append(letters, map[rune]rune{'đ': 'd', 'Đ': 'D'}[r])
			k = map[Method]rune{Telex: 'd', VNI: '9'}[m]
			if m == Telex && r == 'Đ' {
				k = 'D'
			}
		case combHat:
			k = map[Method]rune{Telex: letters[len(letters)-1], VNI: '6'}[m]
		case combBreve:
			k = map[Method]rune{Telex: 'w', VNI: '8'}[m]
		case combHorn:
			k = map[Method]rune{Telex: 'w', VNI: '7'}[m]
		case combAcute, combGrave, combHook, combTilde, combDot:
			i := map[rune]int{combAcute: 0, combGrave: 1, combHook: 2, combTilde: 3, combDot: 4}[r]
			toneKey = []rune(map[Method]string{Telex: "sfrxj", VNI: "12345"}[m])[i]
			continue
		default:
			letters = append(letters, r)
			continue
		}
		if marksLast {
			if k == '7' && len(marks) > 0 && marks[len(marks)-1] == '7' {
				continue // one 7 for ươ
			}
			marks = append(marks, k)
		} else {
			letters = append(letters, k)
		}
	}
	out := string(letters) + string(marks)
	if toneKey != 0 {
		out += string(toneKey)
	}
	return out
}

// TestTypingVietnameseText types every word of a Vietnamese text with both
// methods, marks after their letters and tones at the end, and in VNI also
// with all marks at the end of the word.
func TestTypingVietnameseText(t *testing.T) {
	for _, w := range vietnameseWords() {
		for _, c := range []struct {
			m         Method
			marksLast bool
		}{{Telex, false}, {VNI, false}, {VNI, true}} {
			k := keys(c.m, w, c.marksLast)
			if got := TypeString(c.m, k); got != w {
				t.Errorf("%v %q: got %q, want %q", c.m, k, got, w)
			}
		}
	}
}

// TestTypingVietnameseTextWithTonesFirst types the tone right after the first
// vowel, before the rest of the word: it must move to its place. The u of
// qu is a consonant and takes no tone (as in Unikey: "qusa" stays as typed).
func TestTypingVietnameseTextWithTonesFirst(t *testing.T) {
	for _, w := range vietnameseWords() {
		for _, m := range []Method{Telex, VNI} {
			k := []rune(keys(m, w, false))
			last := k[len(k)-1]
			if !strings.ContainsRune("sfrxj12345", last) {
				continue
			}
			k = k[:len(k)-1]
			i := strings.IndexAny(string(k), "aeiouyAEIOUY")
			if i > 0 && strings.ContainsRune("qQ", rune(string(k)[i-1])) {
				i++
			}
			first := len([]rune(string(k)[:i])) + 1
			early := string(k[:first]) + string(last) + string(k[first:])
			if got := TypeString(m, early); got != w {
				t.Errorf("%v %q: got %q, want %q", m, early, got, w)
			}
		}
	}
}
