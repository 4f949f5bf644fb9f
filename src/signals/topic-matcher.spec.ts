import { foldTokens } from '../common/text.js';
import { CompiledTopics, TopicRules } from './topic-matcher.js';

function rules(id: string, r: Partial<TopicRules>): TopicRules {
  return {
    id,
    anyTerms: [],
    allTerms: [],
    noneTerms: [],
    unitNames: [],
    leaderNames: [],
    geoCodes: [],
    ...r,
  };
}

const match = (topics: CompiledTopics, text: string, geo: string | null = null) =>
  topics.match(foldTokens(text), geo);

describe(CompiledTopics.name, () => {
  it('matches the term "tin gia" against "tin giả" in any case, and "Đ" against "d"', () => {
    const topics = new CompiledTopics([
      rules('t1', { anyTerms: ['tin gia'] }),
      rules('t2', { anyTerms: ['dien luc'] }),
    ]);
    expect(match(topics, 'Cảnh báo TIN GIẢ về chính sách hỗ trợ')).toEqual([
      { topicId: 't1', matchedOn: 'keywords' },
    ]);
    expect(match(topics, 'Điện lực An Hòa cắt điện diện rộng')).toEqual([
      { topicId: 't2', matchedOn: 'keywords' },
    ]);
  });

  it('matches whole words only', () => {
    const topics = new CompiledTopics([rules('t', { anyTerms: ['cháy'] })]);
    expect(match(topics, 'Vụ cháy chợ đêm')).toHaveLength(1);
    expect(match(topics, 'chayyy quá')).toHaveLength(0);
    expect(match(topics, 'xe cháy, khói đen')).toHaveLength(1);
  });

  it('applies any/all/none rules', () => {
    const topics = new CompiledTopics([
      rules('food', { anyTerms: ['ngộ độc', 'nhập viện'], allTerms: ['trường'], noneTerms: ['diễn tập'] }),
    ]);
    expect(match(topics, 'Nhiều học sinh trường Tiểu học A nhập viện sau bữa trưa')).toHaveLength(1);
    expect(match(topics, 'Nhiều công nhân nhập viện sau bữa trưa')).toHaveLength(0); // no "trường"
    expect(match(topics, 'Trường tổ chức diễn tập xử lý ngộ độc')).toHaveLength(0); // excluded
    expect(match(topics, 'Trường học mới khánh thành')).toHaveLength(0); // no "any" term
  });

  it('matches a topic with only allTerms when all of them appear', () => {
    const topics = new CompiledTopics([rules('t', { allTerms: ['học phí', 'tăng'] })]);
    expect(match(topics, 'Phụ huynh lo học phí tăng gấp đôi')).toHaveLength(1);
    expect(match(topics, 'Học phí giữ nguyên')).toHaveLength(0);
  });

  it('reports matches on the unit name and leader names, unit name first', () => {
    const topics = new CompiledTopics([
      rules('t', { anyTerms: ['bức xúc'], unitNames: ['Sở Y tế An Hòa'], leaderNames: ['Trần Thị Bích'] }),
    ]);
    expect(match(topics, 'Sở Y tế An Hòa lên tiếng')).toEqual([{ topicId: 't', matchedOn: 'unit_name' }]);
    expect(match(topics, 'Bà Trần Thị Bích trả lời báo chí')).toEqual([
      { topicId: 't', matchedOn: 'leader_name' },
    ]);
    expect(match(topics, 'Người dân bức xúc')).toEqual([{ topicId: 't', matchedOn: 'keywords' }]);
    expect(match(topics, 'Người dân bức xúc với Sở Y tế An Hòa, ông Trần Thị Bích')).toEqual([
      { topicId: 't', matchedOn: 'unit_name' },
    ]);
  });

  it('honours the geographic scope: other codes do not match, missing codes do', () => {
    const topics = new CompiledTopics([rules('t', { anyTerms: ['sạt lở'], geoCodes: ['26734', '26737'] })]);
    expect(match(topics, 'Sạt lở đồi', '26734')).toHaveLength(1);
    expect(match(topics, 'Sạt lở đồi', '00001')).toHaveLength(0);
    expect(match(topics, 'Sạt lở đồi', null)).toHaveLength(1);
  });

  it('lets one mention match several topics, and shares phrases between topics', () => {
    const topics = new CompiledTopics([
      rules('a', { anyTerms: ['ngộ độc'] }),
      rules('b', { anyTerms: ['ngo doc', 'thực phẩm'] }),
      rules('c', { anyTerms: ['điện'] }),
    ]);
    const found = match(topics, 'Ngộ độc thực phẩm ở bếp ăn');
    expect(found.map((m) => m.topicId).sort()).toEqual(['a', 'b']);
  });

  it('does not carry found phrases from one text to the next', () => {
    const topics = new CompiledTopics([rules('t', { anyTerms: ['lừa đảo'], allTerms: ['ngân hàng'] })]);
    expect(match(topics, 'Cảnh giác lừa đảo')).toHaveLength(0);
    expect(match(topics, 'Ngân hàng thông báo')).toHaveLength(0);
    expect(match(topics, 'Lừa đảo giả danh ngân hàng')).toHaveLength(1);
  });

  it('ignores terms without letters or digits, and matches nothing with no topics', () => {
    expect(new CompiledTopics([rules('t', { anyTerms: ['""', '!!'] })]).match(['a'], null)).toEqual([]);
    expect(new CompiledTopics([]).match(['tin', 'gia'], null)).toEqual([]);
  });
});
