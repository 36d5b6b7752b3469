package assessment

import (
	"strings"
	"testing"

	"creativecity/assets"
)

// TestTheDemoDescribesTodaysAdministration: the demonstration is of the
// Hạ Long area under the administration in force since 1 July 2025: its
// texts name no district level or district office as existing, it lists
// the wards and communes the candidate covers, and it says it is
// illustrative.
func TestTheDemoDescribesTodaysAdministration(t *testing.T) {
	qn, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := Demo()
	if err != nil {
		t.Fatal(err)
	}
	if demo.QuestionnaireVersion != qn.Version {
		t.Errorf("the demo is of questionnaire %s, not %s", demo.QuestionnaireVersion, qn.Version)
	}
	text := strings.ToLower(string(assets.DemoCCSA))
	for _, phrase := range []string{"phòng văn hóa và thông tin", "phòng văn hoá và thông tin", "cấp huyện", "quận, huyện",
		"huyện, xã", "thư viện huyện", "ubnd thành phố hạ long", "thành phố trực thuộc tỉnh"} {
		for rest := text; ; {
			i := strings.Index(rest, phrase)
			if i < 0 {
				break
			}
			rest = rest[i+len(phrase):]
			// A historical mention says when: "(trước ngày 1/7/2025)".
			if after := rest[:min(len(rest), 40)]; !strings.Contains(after, "trước ngày 1/7/2025") {
				t.Errorf("the demo names %q as if it existed: …%s%s…", phrase, phrase, after)
			}
		}
	}
	wards, _ := demo.Value("profile.wards_communes").String()
	for _, ward := range []string{"Hồng Gai", "Bãi Cháy", "Hà Tu"} {
		if !strings.Contains(wards, ward) {
			t.Errorf("the wards and communes of the candidate lack %s: %q", ward, wards)
		}
	}
	if !strings.Contains(wards, "minh họa") {
		t.Errorf("the list of wards is not marked illustrative: %q", wards)
	}
	if string(demo.ExtraMembers()["demonstration"]) != "true" {
		t.Error("the demo is not marked as a demonstration")
	}
}
